import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** URL paths of every HTML page in a built site (`/`, `/adr/`, `/adr/0001-x/`...), sorted. */
export async function listPages(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.html') && !entry.startsWith('pagefind'))
    .map((entry) => `/${entry.split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}
