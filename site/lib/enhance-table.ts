/**
 * Progressive enhancement for register tables: `<select data-filter="status">` controls filter
 * rows by `data-status`, and `th[data-sort-key]` headers become sort buttons (by `data-<key>` on
 * each row; `data-sort-type="number"` sorts numerically). Without JavaScript the table is
 * complete and in its default order; the controls stay hidden.
 */
export function enhanceTable(table: HTMLTableElement, controls: HTMLElement | null, noun: string): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  rows.forEach((row, index) => (row.dataset.order = String(index)));
  const filters = controls ? [...controls.querySelectorAll<HTMLSelectElement>('select[data-filter]')] : [];
  const count = controls?.querySelector<HTMLElement>('[data-count]') ?? null;
  if (controls) controls.hidden = false;
  const applyFilters = () => {
    let shown = 0;
    for (const row of rows) {
      row.hidden = filters.some((filter) => filter.value !== '' && row.dataset[filter.dataset.filter!] !== filter.value);
      if (!row.hidden) shown += 1;
    }
    if (count) count.textContent = `${shown} of ${rows.length} ${noun} shown.`;
  };
  for (const filter of filters) filter.addEventListener('change', applyFilters);
  applyFilters();
  for (const header of table.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'handover-sort';
    button.textContent = header.textContent?.trim() ?? '';
    header.replaceChildren(button);
    button.addEventListener('click', () => {
      const key = header.dataset.sortKey!;
      const numeric = header.dataset.sortType === 'number';
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.querySelectorAll('th[data-sort-key]')) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const value = (row: HTMLTableRowElement) => {
        const raw = row.dataset[key] ?? '';
        return numeric ? (raw === '' ? Number.MAX_SAFE_INTEGER : Number(raw)) : raw || '\uffff';
      };
      rows.sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return (ascending ? order : -order) || Number(a.dataset.order) - Number(b.dataset.order);
      });
      body.append(...rows);
    });
  }
}
