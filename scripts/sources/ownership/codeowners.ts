import ignore from 'ignore';

/** One CODEOWNERS line: a gitignore-style pattern and its owners. */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
}

/** Parses a CODEOWNERS file into rules, in file order (the last match wins). */
export function parseCodeowners(text: string): CodeownersRule[] {
  return text.split('\n').flatMap((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return [];
    const [pattern, ...owners] = line.split(/\s+/);
    return pattern ? [{ pattern, owners: owners.filter((owner) => /^@|@/.test(owner)), line: index + 1 }] : [];
  });
}

/** Each rule's pattern compiled once: a build asks for the owners of every runbook. */
const matchers = new WeakMap<CodeownersRule, ReturnType<typeof ignore>>();

/** The owners of a repo path under CODEOWNERS rules (the last matching rule), or []. */
export function ownersOf(rules: readonly CodeownersRule[], repoPath: string): string[] {
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index]!;
    let matcher = matchers.get(rule);
    if (!matcher) matchers.set(rule, (matcher = ignore().add(rule.pattern)));
    if (matcher.ignores(repoPath)) return rule.owners;
  }
  return [];
}
