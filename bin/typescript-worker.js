// Entry of Handover's worker threads: makes TypeScript importable in this thread, as
// bin/handover.js does for the main one, then runs the worker's module (workerData.module, a URL).
import { workerData } from 'node:worker_threads';

await import('./enable-typescript.js');
await import(workerData.module);
