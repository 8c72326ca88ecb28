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

await import('./enable-typescript.js');
await import('../scripts/cli.ts');
