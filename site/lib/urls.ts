/** URL of a site page from its path relative to the base (`adr/0001-x/`), honouring `--base`. */
export function pageUrl(sitePath: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${sitePath.replace(/^\//, '')}`;
}

/** URL of an ADR's page. */
export function adrUrl(id: string): string {
  return pageUrl(`adr/${id}/`);
}
