import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Adr } from './schemas/adr.ts';
import type { CodeMarker, DebtItem } from './schemas/debt.ts';

/**
 * Links debt items to the ADRs that took them on (`ADR-0004`, `ADR 4`, a link to the file),
 * makes item ids unique, and dates code markers from git blame. Pure.
 */
export function linkDebt(items: readonly DebtItem[], adrs: readonly Adr[], markers: readonly CodeMarker[], blame: ReadonlyMap<string, string>): { items: DebtItem[]; markers: CodeMarker[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byNumber = new Map<number, Adr[]>();
  for (const adr of adrs) if (adr.number !== null) byNumber.set(adr.number, [...(byNumber.get(adr.number) ?? []), adr]);
  const byId = new Map(adrs.map((adr) => [adr.id, adr]));
  const used = new Map<string, number>();
  const linked = items.map((item) => {
    const count = used.get(item.id) ?? 0;
    used.set(item.id, count + 1);
    const id = count === 0 ? item.id : `${item.id}-${count + 1}`;
    if (!item.decisionText) return { ...item, id };
    const decision = resolveDecision(item.decisionText);
    if (!decision) {
      diagnostics.push(createDiagnostic({ file: item.source.path, line: item.source.line }, {
        severity: 'warning',
        code: 'debt/unknown-decision',
        message: `Debt item "${item.title}" names the decision "${item.decisionText}", which is not an ADR Handover found.`,
        hint: 'Name the ADR by its number (ADR-0004) or link to its file.',
      }));
    }
    return { ...item, id, decision: decision?.id ?? null };
  });
  const dated = markers.map((marker) => ({ ...marker, added: blame.get(`${marker.source.path}:${marker.source.line}`) ?? null }));
  return { items: linked, markers: dated, diagnostics };

  function resolveDecision(text: string): Adr | null {
    const file = /([\w.-]+\.(?:md|mdx|markdown))/i.exec(text)?.[1];
    if (file) {
      const found = adrs.find((adr) => adr.source.path.endsWith(`/${file}`) || adr.source.path === file);
      if (found) return found;
    }
    const number = /(?:adr)?[\s#-]*0*(\d+)/i.exec(text)?.[1];
    if (number !== undefined) {
      const holders = byNumber.get(Number(number));
      if (holders?.length === 1) return holders[0]!;
    }
    return byId.get(text.trim().toLowerCase()) ?? null;
  }
}
