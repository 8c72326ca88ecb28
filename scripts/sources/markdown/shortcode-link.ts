/**
 * The file a Hugo shortcode link points at: `{{< ref "0003-x.md" >}}` or `{{% relref "x" %}}`
 * -> `0003-x.md`; any other URL is returned unchanged.
 */
export function unwrapShortcodeLink(url: string): string {
  const match = /^\s*\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\}\s*$/.exec(url);
  return match ? match[1]! : url;
}
