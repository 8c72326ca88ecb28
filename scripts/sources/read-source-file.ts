import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** Files bigger than this are skipped with a diagnostic rather than parsed. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type ReadOutcome = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads one repo file as text for a source. Refuses files that resolve outside the repo (through a
 * symlink), that are too large, or that are not text, each with a diagnostic naming the file.
 */
export async function readSourceFile(repoRoot: string, relativePath: string): Promise<ReadOutcome> {
  const file = relativePath;
  const fail = (code: string, message: string, hint: string): ReadOutcome => ({
    ok: false,
    diagnostic: createDiagnostic({ file }, { severity: 'error', code, message, hint }),
  });
  let buffer: Buffer;
  try {
    const root = await realpath(repoRoot);
    const resolved = await realpath(path.join(repoRoot, relativePath));
    if (resolved !== root && !resolved.startsWith(root + path.sep)) {
      return fail('source/outside-repo', 'This file is a link to a place outside the repository, so it was not read.', 'Copy the document into the repository instead of linking to it.');
    }
    buffer = await readFile(resolved);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail('source/unreadable', `The file could not be read (${reason}).`, 'Check that the file exists and is readable by the user running the build.');
  }
  if (buffer.byteLength > MAX_SOURCE_BYTES) {
    return fail('source/too-large', `The file is ${Math.round(buffer.byteLength / 1024)} KB, above the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit, so it was skipped.`, 'Split the document, or move generated content out of the documentation folders.');
  }
  if (buffer.includes(0)) {
    return fail('source/binary', 'The file looks binary (it contains NUL bytes), so it was skipped.', 'Rename it if it is not a document, or save it as UTF-8 text.');
  }
  // A BOM would end up in the first heading; CRLF would end up in titles.
  const text = new TextDecoder('utf-8').decode(buffer).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { ok: true, text };
}
