import path from 'node:path';
import { safeDecode } from '../sources/shared/safe-decode.ts';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { adrIdFromPath } from '../sources/adr/adr-id.ts';
import { unwrapShortcodeLink } from '../sources/markdown/shortcode-link.ts';
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
  const linked = withUniqueIds(adrs).map((adr) => ({ ...adr, supersedes: [] as string[], supersededBy: [] as string[], amends: [] as string[], amendedBy: [] as string[] }));
  const byId = new Map(linked.map((adr) => [adr.id, adr]));
  const byPath = new Map(linked.map((adr) => [adr.source.path, adr]));
  // Numbers are per folder: a repo may keep separate logs (`adr/`, `adr/cp30/`) numbered apart.
  const byNumber = new Map<string, typeof linked>();
  const numberKey = (folder: string, number: number) => `${folder}\0${number}`;
  for (const adr of linked) {
    if (adr.number === null) continue;
    const key = numberKey(path.posix.dirname(adr.source.path), adr.number);
    byNumber.set(key, [...(byNumber.get(key) ?? []), adr]);
  }
  for (const holders of byNumber.values()) {
    if (holders.length < 2) continue;
    const number = holders[0]!.number;
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
      const target = resolve(adr, reference.href, reference.number);
      if (target) {
        add(adr, reference.relation, target);
      } else if (!reference.inProse && reference.href && isRelativeFileLink(unwrapShortcodeLink(reference.href))) {
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

  /** The ADR a link points at: by path from the linking file, by file name, or by number. */
  function resolve(from: Adr, written: string | null, number: number | null) {
    const href = written === null ? null : unwrapShortcodeLink(written);
    if (href && isRelativeFileLink(href)) {
      const target = safeDecode(href.split(/[?#]/)[0]!);
      const found = byPath.get(path.posix.normalize(path.posix.join(path.posix.dirname(from.source.path), target))) ?? byId.get(adrIdFromPath(target));
      if (found) return found;
    }
    if (number !== null) {
      const sameFolder = byNumber.get(numberKey(path.posix.dirname(from.source.path), number));
      if (sameFolder?.length === 1) return sameFolder[0]!;
      const anywhere = linked.filter((adr) => adr.number === number);
      if (anywhere.length === 1) return anywhere[0]!;
    }
    return null;
  }
}

/**
 * Gives every ADR a distinct id (the id is its page URL): when two folders hold the same file
 * name, the later ones are prefixed with their folder.
 */
function withUniqueIds(adrs: readonly Adr[]): Adr[] {
  const seen = new Set<string>();
  return adrs.map((adr) => {
    if (!seen.has(adr.id)) {
      seen.add(adr.id);
      return adr;
    }
    const id = adrIdFromPath(adr.source.path.replace(/\//g, '-'));
    seen.add(id);
    return { ...adr, id };
  });
}


function isRelativeFileLink(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#');
}
