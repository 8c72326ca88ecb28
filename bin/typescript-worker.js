// Entry of Handover's worker threads: makes TypeScript importable in this thread, as
// bin/handover.js does for the main one, then runs the worker's module (workerData.module, a URL).
import module from 'node:module';
import { workerData } from 'node:worker_threads';

// As in bin/handover.js: TypeDoc and TypeScript load from V8's cached code from the second run.
module.enableCompileCache?.();
await import('./enable-typescript.js');
await import(workerData.module);
