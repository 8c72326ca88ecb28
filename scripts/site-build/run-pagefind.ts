import * as pagefind from 'pagefind';

/**
 * Indexes a built site for search with Pagefind, as Starlight's own integration does (same calls,
 * same output folder), but from Handover's process after Astro has exited: at 5,000 pages the two
 * held about 1.7 GB and 1.2 GB at once when Pagefind ran inside Astro's build. Starlight's search
 * box and ranking are unchanged (see site/lib/lazy-pagefind-ui.ts). Returns the pages indexed.
 */
export async function runPagefind(siteDir: string): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new Error(errors.join('; ') || 'Pagefind did not start');
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
