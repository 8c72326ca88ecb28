import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { listingOf } from '../shared/repo-files.ts';
import type { SourceContext } from '../types.ts';

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/.*/**'];
/** YAML files bigger than this are not opened to look for rules. */
const MAX_SNIFF_BYTES = 2 * 1024 * 1024;

/**
 * Prometheus rule files: under `alerts.paths` from the config, else any YAML file in the repo
 * that holds alerting rules (or is a promtool test of them, which is accounted for and skipped).
 */
export async function discoverAlertFiles(context: SourceContext): Promise<string[]> {
  const configured = context.config.alerts.paths;
  const candidates = configured
    ? (await Promise.all(configured.map((entry) => expand(context.repoRoot, entry.replace(/^\.\//, '').replace(/\/+$/, ''))))).flat()
    : await listingOf(context).files(['**/*.{yml,yaml}']);
  const rules: string[] = [];
  for (const candidate of [...new Set(candidates)].sort()) {
    if (configured || (await looksLikeRules(path.join(context.repoRoot, candidate)))) rules.push(candidate);
  }
  return rules;
}

async function expand(repoRoot: string, entry: string): Promise<string[]> {
  const info = await stat(path.join(repoRoot, entry)).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [entry];
  const files = await glob(['**/*.{yml,yaml}'], { cwd: path.join(repoRoot, entry), ignore: IGNORED, followSymbolicLinks: false });
  return files.map((file) => path.posix.join(entry, file));
}

async function looksLikeRules(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info || info.size > MAX_SNIFF_BYTES) return false;
  const text = await readFile(file, 'utf8').catch(() => '');
  const alerting = /^\s*-?\s*alert\s*:/m.test(text) && (/^\s*groups\s*:/m.test(text) || /kind:\s*PrometheusRule/.test(text));
  const promtool = /^rule_files\s*:/m.test(text) && /^tests\s*:/m.test(text);
  return alerting || promtool;
}
