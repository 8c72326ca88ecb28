#!/usr/bin/env node
import module from 'node:module';
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

// V8's compiled code for the modules Handover loads is kept between runs (in the system's temp
// folder, keyed by each file's contents): `handover --help` 0.6 s -> 0.4 s from the second run.
// It stays off when the folder cannot be written, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
await import('./enable-typescript.js');
await import('../scripts/cli.ts');
