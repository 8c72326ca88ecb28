// Runs TypeDoc in a worker thread (see read-api.ts): it holds the CPU for seconds, which the main
// thread spends parsing documents and driving Chromium meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { runTypedoc, type TypedocInput } from './run-typedoc.ts';

const { input } = workerData as { input: TypedocInput };
parentPort!.postMessage(await runTypedoc(input));
