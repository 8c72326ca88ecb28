// Lets this thread import Handover's TypeScript: bin/handover.js loads it before the CLI, and
// bin/typescript-worker.js before a worker's module (a worker thread needs it again).
//
// Handover is written in TypeScript that only needs its types erased (tsconfig:
// erasableSyntaxOnly). Node 22.18+ and 23.6+ do that themselves, in a tenth of the time tsx takes
// to start (0.4 s against 2.3 s for `handover --help`), but never for files inside node_modules,
// which is where an installed copy lives: there, and on older Node, tsx compiles it.
const inNodeModules = new URL('.', import.meta.url).pathname.split('/').includes('node_modules');
if (process.features.typescript && !inNodeModules) {
  // Node 22 still calls type stripping experimental and says so once per run; it is not news to
  // the person running a build.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const text = typeof warning === 'string' ? warning : warning?.message;
    if (/type stripping/i.test(text ?? '')) return;
    emitWarning.call(process, warning, ...rest);
  };
} else {
  const { register } = await import('tsx/esm/api');
  register();
}
