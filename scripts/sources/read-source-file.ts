import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** Files bigger than this are skipped with a diagnostic rather than parsed (`limits.maxFileSize`). */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type ReadOutcome = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads one repo file as text for a source. Refuses files that resolve outside the repo (through a
 * symlink), that are not regular files (a FIFO would block the build), that are larger than
 * `maxBytes` (checked before reading), or that are not text, each with a diagnostic naming the file.
 */
export function readSourceFile(repoRoot: string, relativePath: string, maxBytes = MAX_SOURCE_BYTES): ReadOutcome {
  return sourceFileReader(repoRoot, maxBytes)(relativePath);
}

/**
 * `readSourceFile` for the many files of one source: folders' real paths are resolved once, and a
 * file that is no link is resolved as its folder's real path and its name (one `lstat` instead of
 * resolving every file through the file system).
 *
 * Synchronous on purpose: a source reads hundreds of small files, and each promise-based read
 * (open, stat, read, close, each a trip through libuv's thread pool) cost the main thread five
 * times what the read itself does; a build has nothing else for that thread to do meanwhile.
 */
export function sourceFileReader(repoRoot: string, maxBytes = MAX_SOURCE_BYTES): (relativePath: string) => ReadOutcome {
  let root: string | undefined;
  const folders = new Map<string, string>();
  const realFolder = (folder: string) => {
    let real = folders.get(folder);
    if (real === undefined) {
      real = realpathSync.native(path.join(repoRoot, folder));
      folders.set(folder, real);
    }
    return real;
  };
  return (relativePath) => {
    const file = relativePath;
    const fail = (code: string, message: string, hint: string): ReadOutcome => ({
      ok: false,
      diagnostic: createDiagnostic({ file }, { severity: 'error', code, message, hint }),
    });
    let buffer: Buffer;
    try {
      root ??= realpathSync.native(repoRoot);
      const absolute = path.join(repoRoot, relativePath);
      let info = lstatSync(absolute);
      let resolved: string;
      if (info.isSymbolicLink()) {
        resolved = realpathSync.native(absolute);
        info = statSync(resolved);
      } else {
        resolved = path.join(realFolder(path.dirname(relativePath)), path.basename(relativePath));
      }
      if (resolved !== root && !resolved.startsWith(root + path.sep)) {
        return fail('source/outside-repo', 'This file is a link to a place outside the repository, so it was not read.', 'Copy the document into the repository instead of linking to it.');
      }
      if (!info.isFile()) {
        return fail('source/not-a-file', 'This is not a regular file (a device, socket or pipe), so it was not read.', 'Remove it from the documentation folders.');
      }
      if (info.size > maxBytes) {
        return fail('source/too-large', `The file is ${formatSize(info.size)}, above the ${formatSize(maxBytes)} limit (\`limits.maxFileSize\`), so it was skipped.`, 'Split the document, move generated content out of the documentation folders, or raise `limits.maxFileSize` in handover.config.yaml.');
      }
      buffer = readFileSync(resolved);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return fail('source/unreadable', `The file could not be read (${reason}).`, 'Check that the file exists and is readable by the user running the build.');
    }
    // The file may have grown between stat and read.
    if (buffer.byteLength > maxBytes) {
      return fail('source/too-large', `The file is ${formatSize(buffer.byteLength)}, above the ${formatSize(maxBytes)} limit (\`limits.maxFileSize\`), so it was skipped.`, 'Split the document, or raise `limits.maxFileSize` in handover.config.yaml.');
    }
    if (buffer.includes(0)) {
      return fail('source/binary', 'The file looks binary (it contains NUL bytes), so it was skipped.', 'Rename it if it is not a document, or save it as UTF-8 text.');
    }
    // A BOM would end up in the first heading; CRLF would end up in titles.
    const text = decoder.decode(buffer).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    return { ok: true, text };
  };
}

const decoder = new TextDecoder('utf-8');

/** 52428800 -> `50 MB`, 1536 -> `1.5 KB`. */
function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}
