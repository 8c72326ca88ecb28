/**
 * The most distinctive part of a matched secret: its longest run of key-like characters. A
 * match can carry a label (`aws_secret_access_key = ...`) or PEM armour written differently in
 * the source than in the generated page; the key material itself is copied verbatim.
 */
export function distinctivePart(match: string): string {
  const runs = match.match(/[A-Za-z0-9/+=_-]{12,}/g) ?? [];
  const longest = runs.reduce((best, run) => (run.length > best.length ? run : best), '');
  return longest || match.trim();
}

/** The 1-based line of `text` where the secret's distinctive part first appears, or null. */
export function lineOfSecret(text: string, match: string): number | null {
  const needle = distinctivePart(match);
  if (needle === '') return null;
  const index = text.indexOf(needle);
  if (index === -1) return null;
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line += 1;
  // A match over several lines (a PEM block) is reported at its first line, as the scanner does.
  const linesBefore = match.slice(0, Math.max(0, match.indexOf(needle))).split('\n').length - 1;
  return Math.max(1, line - linesBefore);
}

/** Replaces every secret in `text` with asterisks, so nothing printed can carry one. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((masked, secret) => (secret === '' ? masked : masked.split(secret).join('*'.repeat(Math.min(secret.length, 8)))), text);
}
