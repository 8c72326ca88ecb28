import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileOutcome } from './build-report.ts';

/** Sources whose folders hold documents; other files there are accounted for as skipped. */
const DOCUMENT_SOURCES = new Set(['adr', 'runbook', 'training', 'debt']);
const DOCUMENT_NAMES: Record<string, string> = { adr: 'an ADR', runbook: 'a runbook', training: 'a training module', debt: 'a debt log' };
const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

/**
 * The files in the folders of discovered documents (ADRs, runbooks, training, debt) that no
 * source accounted for (images, PDFs, notes), as `skipped` with the reason, so the report
 * lists every file in those folders. Dotfiles (`.adr-dir`) are configuration and left out.
 */
export async function unparsedFiles(repoRoot: string, files: readonly FileOutcome[]): Promise<FileOutcome[]> {
  const accounted = new Set(files.map((file) => file.path));
  const folders = new Map<string, string>();
  for (const file of files) if (DOCUMENT_SOURCES.has(file.source) && !folders.has(path.posix.dirname(file.path))) folders.set(path.posix.dirname(file.path), file.source);
  const outcomes: FileOutcome[] = [];
  for (const [folder, source] of folders) {
    // The repository root is not a document folder (an ADR or debt log kept at the root).
    if (folder === '.') continue;
    const entries = await readdir(path.join(repoRoot, folder), { withFileTypes: true }).catch(() => []);
    // Only the few files left over are sorted, not the folder (a thousand ADRs).
    const leftOver = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !accounted.has(`${folder}/${entry.name}`));
    for (const entry of leftOver.sort((a, b) => a.name.localeCompare(b.name))) {
      const reason = IMAGE.test(entry.name) ? 'an image: published when a document shows it' : `not a file ${DOCUMENT_NAMES[source]} is read from (${path.extname(entry.name) || 'no extension'})`;
      outcomes.push({ path: `${folder}/${entry.name}`, source, outcome: 'skipped', records: [], reason });
    }
  }
  return outcomes;
}
