import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A folder the site is built into before it replaces `--out`. */
export interface StagingFolder {
  /** The temporary folder, a sibling of the output folder (same file system, so renames are atomic). */
  dir: string;
  /** Replaces the output folder with the staging folder. */
  commit(): Promise<void>;
  /** Removes the staging folder; the output folder is left as it was. */
  discard(): Promise<void>;
}

/**
 * Creates a staging folder beside `outDir`. Nothing touches `outDir` until `commit`, so a failed
 * build leaves the previous site in place; readers see the old site or the new one, never half.
 */
export async function createStagingFolder(outDir: string): Promise<StagingFolder> {
  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `.${path.basename(outDir)}.building-`));
  return {
    dir,
    discard: () => rm(dir, { recursive: true, force: true }),
    async commit() {
      const existing = await stat(outDir).catch(() => null);
      if (!existing) return rename(dir, outDir);
      // Linux has no portable "exchange two folders": move the old site aside, move the new one
      // in, then delete the old. A failure between the two renames puts the old site back.
      const old = `${dir}.previous`;
      try {
        await rename(outDir, old);
      } catch (error) {
        // A mount point (a volume in a container) cannot be renamed: replace its contents instead.
        if (!['EBUSY', 'EXDEV', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        return replaceContents(dir, outDir);
      }
      try {
        await rename(dir, outDir);
      } catch (error) {
        await rename(old, outDir);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    },
  };
}

/** Empties `outDir` and moves every entry of `dir` into it; used when `outDir` cannot be renamed. */
async function replaceContents(dir: string, outDir: string): Promise<void> {
  for (const entry of await readdir(outDir)) await rm(path.join(outDir, entry), { recursive: true, force: true });
  for (const entry of await readdir(dir)) await rename(path.join(dir, entry), path.join(outDir, entry));
  await rm(dir, { recursive: true, force: true });
}
