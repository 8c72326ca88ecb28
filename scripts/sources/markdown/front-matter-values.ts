/** Front matter with its keys in lower case (`Status:` and `status:` both occur). */
export function lowerCaseKeys(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
}

/** A front matter value as trimmed text (numbers too), or null when empty or not text. */
export function frontMatterText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * A front matter value as a list: a YAML list as it is, a string through `split` (by default
 * the whole string is one item), anything else empty.
 */
export function frontMatterList(value: unknown, split: (text: string) => string[] = (text) => [text.trim()]): string[] {
  if (Array.isArray(value)) return value.map((item) => String(item).trim()).filter(Boolean);
  return typeof value === 'string' ? split(value).filter(Boolean) : [];
}
