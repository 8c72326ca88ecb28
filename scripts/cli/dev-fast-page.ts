import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Generated } from '../generate-content.ts';
import { adrSource } from '../sources/adr/index.ts';
import { runbookSource } from '../sources/runbook/index.ts';

/** Page folders whose pages show one document each, and the source that parses it. */
const SOURCES = [
  { folder: 'docs/adr/', source: adrSource },
  { folder: 'docs/runbooks/', source: runbookSource },
] as const;

/**
 * `handover dev`'s fast path: when an ADR or runbook changes, rewrites its page's body at once,
 * against the last full run's model, so the browser shows the edit in a fraction of a second. The
 * full regeneration that follows (a second or so for a large repo) brings everything else up to
 * date: titles, registers, links from other pages. Returns the page (its path in the content
 * folder) when it was rewritten; when in doubt (a new file, a new diagram, an image, a file that
 * became two records) it does nothing and returns null.
 */
export async function rewriteChangedPage(last: Generated, dirs: { repoRoot: string; contentDir: string }, repoPath: string): Promise<string | null> {
  const page = [...last.emit.sources].find(([, source]) => source === repoPath)?.[0];
  const known = page ? SOURCES.find((entry) => page.startsWith(entry.folder)) : undefined;
  if (!page || !known) return null;
  const text = await readFile(path.join(dirs.repoRoot, repoPath), 'utf8').catch(() => null);
  if (text === null) return null;
  const discovered = new Set(last.report.files.filter((file) => file.source === known.source.kind).map((file) => file.path));
  let parsed;
  try {
    parsed = known.source.parse({ path: repoPath, text: text.replace(/\r\n?/g, '\n') }, { repoRoot: dirs.repoRoot, config: last.config, discovered });
  } catch {
    return null;
  }
  if (parsed.records.length !== 1) return null;
  const body = last.emit.serialiseAgain({ path: repoPath, tree: parsed.records[0]!.body });
  const file = path.join(dirs.contentDir, page);
  const current = await readFile(file, 'utf8').catch(() => null);
  const end = current?.indexOf('\n---\n\n') ?? -1;
  if (!body || current === null || !current.startsWith('---\n') || end === -1 || (body.mdx && !page.endsWith('.mdx'))) return null;
  const next = `${current.slice(0, end + 6)}${body.text}`;
  if (next !== current) {
    await writeFile(`${file}.tmp`, next);
    await rename(`${file}.tmp`, file);
  }
  return page;
}
