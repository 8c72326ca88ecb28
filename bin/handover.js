#!/usr/bin/env node
// Entry point of the `handover` command. Kept in plain JavaScript so it can refuse an old Node
// with one clear sentence before anything else loads (Astro 7 and Vitest need Node >= 22.12).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `handover needs Node.js 22.12 or newer, but this is Node.js ${process.versions.node}. ` +
      'From a checkout, run it through npm (`npm run handover -- ...`), which uses the Node 24 ' +
      'installed by `npm ci`; otherwise install Node 22.12+.',
  );
  process.exit(3);
}

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
await import('../scripts/cli.ts');
