/** decodeURIComponent that returns malformed input (`%E0%A4%A`) as it is rather than throwing. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
