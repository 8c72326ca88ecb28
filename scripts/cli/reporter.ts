import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** Prints progress and results: in place on a terminal, as plain stable lines in CI and pipes. */
export interface Reporter {
  /** Marks the start of a step. */
  step(label: string): void;
  /** Marks the end of the current step with a short result. */
  done(result: string): void;
  info(line: string): void;
  diagnostics(diagnostics: readonly Diagnostic[]): void;
  error(line: string): void;
}

/** True on a terminal that a person watches; false in CI, where there is never a prompt. */
export function isInteractive(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.CI;
}

/** Creates the reporter for this run; `interactive` is computed once, by the caller. */
export function createReporter(interactive: boolean): Reporter {
  let current: { label: string; started: number } | null = null;
  const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  return {
    step(label) {
      current = { label, started: performance.now() };
      if (interactive) process.stdout.write(`  … ${label}`);
    },
    done(result) {
      if (!current) return;
      const line = `${current.label}: ${result} (${seconds(current.started)})`;
      if (interactive) process.stdout.write(`\r\x1b[2K  ✓ ${line}\n`);
      else process.stdout.write(`handover: ${line}\n`);
      current = null;
    },
    info(line) {
      process.stdout.write(`${interactive ? '  ' : 'handover: '}${line}\n`);
    },
    diagnostics(diagnostics) {
      for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
    },
    error(line) {
      if (interactive && current) process.stdout.write('\r\x1b[2K');
      process.stderr.write(`handover: ${line}\n`);
    },
  };
}
