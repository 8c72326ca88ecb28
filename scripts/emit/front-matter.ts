/**
 * Characters YAML does not allow unescaped (C1 controls, DEL, the byte order mark) or that some
 * YAML readers take for line breaks (NEL, LS, PS). JSON.stringify leaves them raw.
 */
const NOT_RAW_IN_YAML = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/**
 * A page's front matter block. Each value is written as JSON, which YAML 1.2 reads as flow
 * scalars and collections (Astro reads front matter with js-yaml): the same data as a YAML
 * library's output, a tenth of the time to write for a thousand pages, and one line per key.
 */
export function frontMatterBlock(values: Record<string, unknown>): string {
  let block = '---\n';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value).replace(NOT_RAW_IN_YAML, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
    block += `${key}: ${json}\n`;
  }
  return `${block}---\n`;
}
