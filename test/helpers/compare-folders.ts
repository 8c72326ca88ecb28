import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Relative paths of the files that differ between two folders, or exist in only one, sorted. */
export async function differingFiles(left: string, right: string): Promise<string[]> {
  const list = async (folder: string) => (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
  const [a, b] = await Promise.all([list(left), list(right)]);
  const inRight = new Set(b);
  const differing = [...a.filter((file) => !inRight.has(file)).map((file) => `${file} (only in the first)`), ...b.filter((file) => !a.includes(file)).map((file) => `${file} (only in the second)`)];
  for (const file of a.filter((file) => inRight.has(file))) {
    const [x, y] = await Promise.all([readFile(path.join(left, file)), readFile(path.join(right, file))]);
    if (!x.equals(y)) differing.push(file);
  }
  return differing.sort();
}
