// Runs a command and measures its wall time and the peak memory of its whole process tree (Astro
// runs in a child of Handover's CLI, Chromium in children of that): /proc is polled every 50 ms
// and the resident set sizes of every live descendant are summed. The sum counts pages shared
// between processes once per process, so it errs high; GNU time's max RSS would count only the
// largest single process and err low.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measured {
  seconds: number;
  /** CPU seconds (user + system) of the whole tree, which a busy machine inflates far less than wall time. */
  cpuSeconds: number;
  /** Peak of the summed RSS of the process tree, in bytes. */
  peakRss: number;
  code: number;
  /** The last lines of output, for error messages. */
  tail: string[];
  output: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives each output line as it arrives. */
  onLine?: (line: string) => void;
}

/** Runs `command args` to completion, measuring wall time and peak tree RSS. */
export async function measure(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  const started = performance.now();
  const cpuBefore = await childrenCpuSeconds();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (options.onLine) for (const line of text.split('\n')) if (line.trim()) options.onLine(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let peakRss = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      if (child.pid) peakRss = Math.max(peakRss, await treeRss(child.pid));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  polling = false;
  await poll;
  // Only one command runs at a time, so the growth of our reaped children's CPU time is its own.
  const cpuSeconds = (await childrenCpuSeconds()) - cpuBefore;
  return { seconds, cpuSeconds, peakRss, code, tail: output.trim().split('\n').slice(-25), output };
}

/** Sum of VmRSS over `pid` and all its descendants, in bytes (0 once the process has gone). */
export async function treeRss(pid: number): Promise<number> {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const status = await readFile(`/proc/${current}/status`, 'utf8').catch(() => '');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    if (match) total += Number(match[1]) * 1024;
    const tasks = await readdir(`/proc/${current}/task`).catch(() => [] as string[]);
    for (const task of tasks) {
      const children = await readFile(`/proc/${current}/task/${task}/children`, 'utf8').catch(() => '');
      for (const child of children.split(' ').filter(Boolean)) pending.push(Number(child));
    }
  }
  return total;
}

/**
 * CPU seconds of this process's reaped descendants (cutime + cstime in /proc/self/stat; a process
 * that waited for its own children has their time added to its own, so the whole tree counts).
 */
async function childrenCpuSeconds(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat(5); the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
