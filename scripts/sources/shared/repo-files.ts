import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.*/**'];

/**
 * Repo files matching the patterns, for scans over the whole repository (alert rules, code
 * markers). In a git repository these are the files git sees (tracked, or untracked and not
 * ignored), so build output and other `.gitignore`d files are left out; elsewhere, a glob.
 */
export async function repoFiles(repoRoot: string, patterns: string[], ignore: string[] = []): Promise<string[]> {
  const ignored = [...ALWAYS_IGNORED, ...ignore];
  if (await stat(path.join(repoRoot, '.git')).catch(() => null)) {
    const listed = await gitFiles(repoRoot);
    if (listed) {
      const matches = picomatch(patterns, { dot: false, nocase: true, basename: false });
      const excluded = picomatch(ignored, { dot: true, nocase: true });
      return listed.filter((file) => matches(file) && !excluded(file)).sort();
    }
  }
  return (await glob(patterns, { cwd: repoRoot, ignore: ignored, followSymbolicLinks: false, caseSensitiveMatch: false, deep: 12 })).sort();
}

function gitFiles(repoRoot: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', 'ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? [...new Set(output.split('\0').filter(Boolean))] : null));
  });
}
