import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appendToLog, newItemFile, newRegister, type FileChange, type NewDebtItem } from '../authoring/append-debt-item.ts';
import { loadConfig } from '../config/load-config.ts';
import { buildDate } from '../ingest.ts';
import { debtSource } from '../sources/debt/index.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { resolveRepo, UsageError } from './resolve-paths.ts';

export interface DebtNewOptions {
  repo?: string;
  status?: string;
  reason?: string;
  impact?: string;
  owner?: string;
  decision?: string;
  dryRun?: boolean;
}

/**
 * `handover debt new "Title"`: adds an item to the repo's debt log in the format it already uses
 * (a register row, a YAML entry, a file in a one-file-per-item folder, a prose section), or
 * starts `docs/debt/README.md` when the repo has no log.
 */
export async function debtNewCommand(title: string, options: DebtNewOptions, reporter: Reporter): Promise<number> {
  if (!title.trim()) throw new UsageError('Give the debt item a title: handover debt new "Synchronous calls to the payment provider".');
  const repoRoot = await resolveRepo(options.repo);
  const { config } = await loadConfig(repoRoot);
  const item: NewDebtItem = { title: title.trim(), status: options.status, taken: buildDate(), reason: options.reason, impact: options.impact, owner: options.owner, decision: options.decision };
  const logs = await debtSource.discover({ repoRoot, config });
  const itemFolder = logs.filter((log) => /(^|\/)(debt|technical-debt|tech-debt)\/[^/]+\.md$/i.test(log) && !/\/(readme|index)\.md$/i.test(log));
  const register = logs.find((log) => !itemFolder.includes(log));
  let change: FileChange;
  if (register) {
    change = appendToLog(register, await readFile(path.join(repoRoot, register), 'utf8'), item);
  } else if (itemFolder.length > 0) {
    change = newItemFile(path.posix.dirname(itemFolder[0]!), itemFolder, item);
  } else {
    change = newRegister(item);
  }
  if (options.dryRun) {
    reporter.info(`Would ${change.created ? 'create' : 'update'} ${change.path}:`);
    process.stdout.write(`${change.text}\n`);
    return ExitCode.Success;
  }
  await mkdir(path.dirname(path.join(repoRoot, change.path)), { recursive: true });
  await writeFile(path.join(repoRoot, change.path), change.text);
  reporter.info(`${change.created ? 'Created' : 'Added to'} ${change.path}${change.ref ? ` as ${change.ref}` : ''}.`);
  return ExitCode.Success;
}
