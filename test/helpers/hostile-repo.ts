import { execFileSync } from 'node:child_process';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from './run-cli.ts';

/** The hostile-input corpus: a small service repo whose every file attacks the site built from it. */
export const HOSTILE_FIXTURE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'hostile', 'repo');

/** A secret outside the repository that no page may ever show. */
export const OUTSIDE_SECRET = 'OUTSIDE-SECRET-7f3a91';

/**
 * Copies the hostile corpus into a fresh folder and adds what git should not carry or what is
 * too big to commit: symlinks out of the repo, byte-exact encodings (BOM, CRLF, invalid UTF-8,
 * NUL bytes), a 50 MB document, a 10,000-row table and 500-level nesting. Returns the repo path
 * (inside `scratch`, beside an `outside/` folder holding the secret).
 */
export async function prepareHostileRepo(scratch: string): Promise<string> {
  const repo = path.join(scratch, 'repo');
  const outside = path.join(scratch, 'outside');
  await cp(HOSTILE_FIXTURE, repo, { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'secret.md'), `# 99. ${OUTSIDE_SECRET}\n\n## Status\n\nAccepted\n\n${OUTSIDE_SECRET}\n`);
  await writeFile(path.join(outside, 'secret.png'), OUTSIDE_SECRET);
  await writeFile(path.join(scratch, 'outside.md'), `# ${OUTSIDE_SECRET}\n`);
  const adr = path.join(repo, 'docs', 'adr');
  const runbooks = path.join(repo, 'docs', 'runbooks');
  // Symlinks: a file to /etc/passwd, a file and a folder outside the repo, an image outside it.
  await symlink('/etc/passwd', path.join(adr, '0009-link.md'));
  await symlink(path.join(outside, 'secret.md'), path.join(adr, '0018-outside-link.md'));
  await symlink(outside, path.join(adr, 'linked-folder'));
  await symlink(outside, path.join(runbooks, 'linked-folder'));
  await symlink(path.join(outside, 'secret.png'), path.join(adr, 'linked.png'));
  // Training discovery follows symlinks, so these reach the reader, which must refuse them;
  // `loop` points at its own folder.
  const training = path.join(repo, 'docs', 'training');
  await symlink('/etc/passwd', path.join(training, '02-passwd.md'));
  await symlink(outside, path.join(training, 'linked-folder'));
  await symlink('.', path.join(training, 'loop'));
  // A named pipe: reading it would block the build forever.
  execFileSync('mkfifo', [path.join(adr, '0020-fifo.md')]);
  await writeFile(path.join(adr, '0019-symlinked-image.md'), '# 19. A symlinked image\n\n## Status\n\nAccepted\n\n![linked](linked.png) and ![folder](linked-folder/secret.png)\n');
  // Encodings and line endings, byte for byte.
  await writeFile(path.join(adr, '0012-bom-crlf.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# 12. BOM and CRLF\r\n\r\nDate: 2024-01-12\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\n## Context\r\n\r\nWindows line endings.\r\n')]));
  await writeFile(path.join(adr, '0013-mixed-endings.md'), '# 13. Mixed line endings\r\n\n## Status\r\rAccepted\n\r\n## Context\rOld Mac, Windows\r\nand Unix.\n');
  await writeFile(path.join(adr, '0014-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x3c, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x3e]));
  await writeFile(path.join(adr, '0015-invalid-utf8.md'), Buffer.concat([Buffer.from('# 15. Invalid UTF-8 '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1]), Buffer.from('\n\n## Status\n\nAccepted\n\n## Context\n\nBad bytes: '), Buffer.from([0xe2, 0x82]), Buffer.from(' end.\n')]));
  // Deep nesting: 500 levels of list and of block quote.
  const depth = 500;
  const list = Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');
  await writeFile(path.join(adr, '0016-deep-list.md'), `# 16. Deeply nested list\n\n## Status\n\nAccepted\n\n## Context\n\n${list}\n`);
  await writeFile(path.join(adr, '0017-deep-quote.md'), `# 17. Deeply nested quote\n\n## Status\n\nAccepted\n\n## Context\n\n${'> '.repeat(depth)}deepest\n`);
  // Size: a 10,000-row table (about 400 KB, under the limit) and a 50 MB document (over it).
  const rows = Array.from({ length: 10_000 }, (_, row) => `| ${row + 1} | <b>row</b> {${row}} | value ${row} |`).join('\n');
  await writeFile(path.join(runbooks, 'huge-table.md'), `# Huge table\n\n| # | Name | Value |\n| --- | --- | --- |\n${rows}\n`);
  const line = 'A fifty-megabyte runbook line that repeats until the file is far too large to parse.\n';
  await writeFile(path.join(runbooks, 'fifty-megabytes.md'), `# Fifty megabytes\n\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`);
  return repo;
}
