import { createInterface, type Interface } from 'node:readline/promises';

/** Questions on a terminal. Only created when `interactive`: in CI nothing ever prompts. */
export interface Prompter {
  /** Asks for one of `choices`; an empty answer takes `fallback`. */
  choose<T extends string>(question: string, choices: readonly T[], fallback: T): Promise<T>;
  /** Asks a yes/no question; an empty answer is yes. */
  confirm(question: string): Promise<boolean>;
  close(): void;
}

/** Creates a prompter on stdin/stdout. */
export function createPrompter(): Prompter {
  const readline: Interface = createInterface({ input: process.stdin, output: process.stdout });
  return {
    async choose(question, choices, fallback) {
      for (;;) {
        const answer = (await readline.question(`  ${question} (${choices.join('/')}) [${fallback}] `)).trim().toLowerCase();
        if (!answer) return fallback;
        const chosen = choices.find((choice) => choice === answer);
        if (chosen) return chosen;
        process.stdout.write(`  Please answer one of: ${choices.join(', ')}.\n`);
      }
    },
    async confirm(question) {
      const answer = (await readline.question(`  ${question} [Y/n] `)).trim().toLowerCase();
      return answer === '' || answer === 'y' || answer === 'yes';
    },
    close() {
      readline.close();
    },
  };
}
