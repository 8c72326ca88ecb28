import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Adr } from './schemas/adr.ts';

/**
 * Reports contradictions in the linked ADRs: a superseded ADR whose status says otherwise, a
 * "superseded" status that names no successor, a link only one side writes, and supersede cycles.
 */
export function checkAdrLinks(adrs: readonly Adr[], writtenBy: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(adrs.map((adr) => [adr.id, adr]));
  const at = (adr: Adr) => ({ file: adr.source.path, line: adr.source.line });
  const name = (id: string) => {
    const adr = byId.get(id);
    return adr ? `ADR ${adr.number ?? adr.id} ("${adr.title}")` : id;
  };
  for (const adr of adrs) {
    const partly = /\b(part|partly|partially)\b/i.test(adr.statusText ?? '');
    if (adr.supersededBy.length > 0 && adr.status !== null && adr.status !== 'superseded' && adr.status !== 'deprecated' && !partly) {
      diagnostics.push(createDiagnostic(at(adr), {
        severity: 'warning',
        code: 'adr/status-contradicts-link',
        message: `${adr.supersededBy.map(name).join(' and ')} supersede${adr.supersededBy.length === 1 ? 's' : ''} this ADR, but its status is "${adr.statusText}".`,
        hint: 'Set this ADR\'s status to "Superseded by [..](..)", or correct the link in the other ADR if it only partly supersedes this one.',
      }));
    }
    if (adr.status === 'superseded' && adr.supersededBy.length === 0) {
      diagnostics.push(createDiagnostic(at(adr), {
        severity: 'info',
        code: 'adr/no-successor',
        message: 'This ADR is superseded but does not say by which ADR.',
        hint: 'Write "Superseded by [N. Title](file.md)" in its status so readers find the decision that replaced it.',
      }));
    }
    for (const [relation, inverse] of [['supersededBy', 'supersedes'], ['amendedBy', 'amends']] as const) {
      for (const otherId of adr[relation]) {
        const other = byId.get(otherId);
        if (!other) continue;
        const thisWrites = writtenBy.has(`${adr.id} ${relation} ${otherId}`);
        const otherWrites = writtenBy.has(`${otherId} ${inverse} ${adr.id}`);
        if (thisWrites && !otherWrites) {
          diagnostics.push(createDiagnostic(at(other), {
            severity: 'info',
            code: 'adr/one-sided-link',
            message: `${name(adr.id)} says it is ${relation === 'supersededBy' ? 'superseded' : 'amended'} by this ADR, but this ADR does not mention it.`,
            hint: `Add "${inverse === 'supersedes' ? 'Supersedes' : 'Amends'} [..](${adr.source.path.split('/').pop()})" to this ADR's status, so both sides agree.`,
          }));
        }
      }
    }
  }
  for (const cycle of findCycles(adrs)) {
    const first = byId.get(cycle[0]!)!;
    diagnostics.push(createDiagnostic(at(first), {
      severity: 'warning',
      code: 'adr/supersede-cycle',
      message: `These ADRs supersede each other in a circle: ${[...cycle, cycle[0]!].map(name).join(' -> ')}.`,
      hint: 'A decision can only be replaced by a later one: remove the link that points back.',
    }));
  }
  return diagnostics;
}

/** Cycles in the supersedes graph, each listed once from its smallest id. */
function findCycles(adrs: readonly Adr[]): string[][] {
  const edges = new Map(adrs.map((adr) => [adr.id, adr.supersedes]));
  const cycles = new Map<string, string[]>();
  const visit = (id: string, path: string[]) => {
    if (path.includes(id)) {
      const cycle = path.slice(path.indexOf(id));
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const normalised = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(normalised.join(' '), normalised);
      return;
    }
    if (path.length > adrs.length) return;
    for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
  };
  for (const adr of adrs) visit(adr.id, []);
  return [...cycles.values()];
}
