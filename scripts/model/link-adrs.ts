import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { adrIdFromPath } from '../sources/adr/adr-id.ts';
import { checkAdrLinks } from './check-adr-links.ts';
import type { Adr, AdrRelation } from './schemas/adr.ts';

const INVERSE: Record<AdrRelation, AdrRelation> = {
  supersedes: 'supersededBy',
  supersededBy: 'supersedes',
  amends: 'amendedBy',
  amendedBy: 'amends',
};

/**
 * Resolves the links ADRs write to each other into ids, in both directions even when only one
 * side writes it, sorts ADRs by number, and reports duplicate numbers and links to nothing.
 */
export function linkAdrs(adrs: readonly Adr[]): { adrs: Adr[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const linked = adrs.map((adr) => ({ ...adr, supersedes: [] as string[], supersededBy: [] as string[], amends: [] as string[], amendedBy: [] as string[] }));
  const byId = new Map(linked.map((adr) => [adr.id, adr]));
  const byNumber = new Map<number, typeof linked>();
  for (const adr of linked) {
    if (adr.number === null) continue;
    byNumber.set(adr.number, [...(byNumber.get(adr.number) ?? []), adr]);
  }
  for (const [number, holders] of byNumber) {
    if (holders.length < 2) continue;
    for (const adr of holders.slice(1)) {
      diagnostics.push(createDiagnostic({ file: adr.source.path, line: adr.source.line }, {
        severity: 'warning',
        code: 'adr/duplicate-number',
        message: `ADR number ${number} is also used by ${holders.filter((other) => other !== adr).map((other) => other.source.path).join(', ')}.`,
        hint: 'Renumber one of them (and the links to it); links by number to these ADRs are ambiguous until then.',
      }));
    }
  }
  // "a relation b" for each relation an ADR itself writes, to tell one-sided links apart.
  const writtenBy = new Set<string>();
  const add = (from: (typeof linked)[number], relation: AdrRelation, to: (typeof linked)[number]) => {
    if (from === to) return;
    writtenBy.add(`${from.id} ${relation} ${to.id}`);
    if (!from[relation].includes(to.id)) from[relation].push(to.id);
    const inverse = INVERSE[relation];
    if (!to[inverse].includes(from.id)) to[inverse].push(from.id);
  };
  for (const adr of linked) {
    for (const reference of adr.references) {
      const target = resolve(reference.href, reference.number);
      if (target) {
        add(adr, reference.relation, target);
      } else if (!reference.inProse && reference.href && isRelativeFileLink(reference.href)) {
        diagnostics.push(createDiagnostic({ file: adr.source.path, line: reference.line }, {
          severity: 'warning',
          code: 'adr/dangling-link',
          message: `The "${reference.relation}" link to "${reference.href}" does not point at an ADR Handover found.`,
          hint: 'Correct the link to the other ADR\'s file name, or remove it if that ADR was deleted.',
        }));
      }
    }
  }
  for (const adr of linked) for (const relation of Object.keys(INVERSE) as AdrRelation[]) adr[relation].sort();
  linked.sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id));
  diagnostics.push(...checkAdrLinks(linked, writtenBy));
  return { adrs: linked, diagnostics };

  function resolve(href: string | null, number: number | null) {
    if (href && isRelativeFileLink(href)) {
      const found = byId.get(adrIdFromPath(decodeURIComponent(href.split(/[?#]/)[0]!)));
      if (found) return found;
    }
    if (number !== null) {
      const holders = byNumber.get(number);
      if (holders?.length === 1) return holders[0]!;
    }
    return null;
  }
}

function isRelativeFileLink(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#');
}
