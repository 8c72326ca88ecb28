import type { Adr } from '../model/schemas/adr.ts';

const STATUS_STYLES: Record<string, string> = {
  accepted: 'fill:#e6f4ea,stroke:#1e7e34,color:#0b3d17',
  proposed: 'fill:#e8f0fe,stroke:#1a56b0,color:#0b2a5c',
  draft: 'fill:#e8f0fe,stroke:#1a56b0,color:#0b2a5c',
  rejected: 'fill:#fde8e8,stroke:#b3261e,color:#5c0b0b',
  deprecated: 'fill:#fff4e5,stroke:#a15c00,color:#4a2a00',
  superseded: 'fill:#fff4e5,stroke:#a15c00,color:#4a2a00',
  none: 'fill:#f1f1f1,stroke:#5f6368,color:#202124',
};

/**
 * Most decisions a drawn graph holds. Past this the layout takes seconds in the browser (6 s for
 * 550 decisions) and the picture is too dense to read; the ADR page lists every relation anyway.
 */
export const MAX_GRAPH_NODES = 60;

/** The ADR graph to draw, and how many of the related decisions it shows. */
export interface AdrGraph {
  source: string;
  shown: number;
  total: number;
}

/**
 * A Mermaid flowchart of the decisions that supersede or amend others (ADRs with no relation are
 * left out, as they would only add noise), or null when no ADR relates to another. With more than
 * MAX_GRAPH_NODES related decisions, it draws whole groups of related decisions (connected by
 * supersede and amend links), the most recent groups first, up to that many.
 */
export function adrGraph(adrs: readonly Adr[]): AdrGraph | null {
  const all = adrs.filter((adr) => adr.supersedes.length + adr.supersededBy.length + adr.amends.length + adr.amendedBy.length > 0);
  if (all.length === 0) return null;
  const related = all.length <= MAX_GRAPH_NODES ? all : mostRecentGroups(all);
  const nodeId = new Map(related.map((adr, index) => [adr.id, `adr${index}`]));
  const lines = ['flowchart LR'];
  for (const adr of related) {
    const label = `${adr.number !== null ? `${adr.number}. ` : ''}${adr.title}`;
    lines.push(`  ${nodeId.get(adr.id)}["${escapeLabel(label)}"]:::${adr.status ?? 'none'}`);
  }
  for (const adr of related) {
    for (const target of adr.supersedes) if (nodeId.has(target)) lines.push(`  ${nodeId.get(adr.id)} -->|supersedes| ${nodeId.get(target)}`);
    for (const target of adr.amends) if (nodeId.has(target)) lines.push(`  ${nodeId.get(adr.id)} -.->|amends| ${nodeId.get(target)}`);
  }
  for (const status of new Set(related.map((adr) => adr.status ?? 'none'))) lines.push(`  classDef ${status} ${STATUS_STYLES[status]}`);
  return { source: `${lines.join('\n')}\n`, shown: related.length, total: all.length };
}

/** The Mermaid source of the ADR graph, or null (see adrGraph). */
export function adrGraphSource(adrs: readonly Adr[]): string | null {
  return adrGraph(adrs)?.source ?? null;
}

/**
 * Whole groups of related decisions, latest group first (by its latest decision in `related`'s
 * order), while they fit in MAX_GRAPH_NODES; the first group always. Returned in `related`'s order.
 */
function mostRecentGroups(related: readonly Adr[]): Adr[] {
  const index = new Map(related.map((adr, position) => [adr.id, position]));
  const parent = related.map((_, position) => position);
  const root = (position: number): number => {
    while (parent[position] !== position) position = parent[position] = parent[parent[position]!]!;
    return position;
  };
  related.forEach((adr, position) => {
    for (const other of [...adr.supersedes, ...adr.supersededBy, ...adr.amends, ...adr.amendedBy]) {
      const at = index.get(other);
      if (at !== undefined) parent[root(at)] = root(position);
    }
  });
  const groups = new Map<number, number[]>();
  related.forEach((_, position) => groups.set(root(position), [...(groups.get(root(position)) ?? []), position]));
  const keep = new Set<number>();
  for (const members of [...groups.values()].sort((a, b) => Math.max(...b) - Math.max(...a))) {
    if (keep.size > 0 && keep.size + members.length > MAX_GRAPH_NODES) continue;
    for (const member of members) keep.add(member);
  }
  return related.filter((_, position) => keep.has(position));
}

/** Mermaid labels in quotes take entity codes; quotes and angle brackets must not end the label. */
function escapeLabel(text: string): string {
  const wrapped = text.length > 48 ? `${text.slice(0, 45)}...` : text;
  return wrapped.replace(/[#"<>{}[\]|]/g, (character) => `#${character.codePointAt(0)};`);
}
