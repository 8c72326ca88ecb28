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
 * A Mermaid flowchart of the decisions that supersede or amend others (ADRs with no relation are
 * left out, as they would only add noise), or null when no ADR relates to another.
 */
export function adrGraphSource(adrs: readonly Adr[]): string | null {
  const related = adrs.filter((adr) => adr.supersedes.length + adr.supersededBy.length + adr.amends.length + adr.amendedBy.length > 0);
  if (related.length === 0) return null;
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
  return `${lines.join('\n')}\n`;
}

/** Mermaid labels in quotes take entity codes; quotes and angle brackets must not end the label. */
function escapeLabel(text: string): string {
  const wrapped = text.length > 48 ? `${text.slice(0, 45)}...` : text;
  return wrapped.replace(/[#"<>{}[\]|]/g, (character) => `#${character.codePointAt(0)};`);
}
