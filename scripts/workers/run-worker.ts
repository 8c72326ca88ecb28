import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('../../bin/typescript-worker.js', import.meta.url);

/**
 * Runs a TypeScript module in a worker thread with `input` as its `workerData` and resolves with
 * the first message it posts. Work that holds the CPU for seconds (TypeDoc) then runs on another
 * core, and this thread stays free for what it talks to meanwhile (Chromium rendering diagrams).
 * Rejects when the worker throws or exits without posting.
 */
export function runWorker<TInput, TOutput>(module: URL, input: TInput): Promise<TOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { workerData: { module: module.href, input } });
    let answered = false;
    worker.once('message', (message: TOutput) => {
      answered = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the worker ${module.pathname.split('/').pop()} stopped (exit code ${code}) without a result`));
    });
  });
}
