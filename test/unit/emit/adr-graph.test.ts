import { describe, expect, it } from 'vitest';
import { adrGraph, MAX_GRAPH_NODES } from '../../../scripts/emit/adr-graph.ts';
import { linkAdrs } from '../../../scripts/model/link-adrs.ts';
import { parseAdr } from '../../../scripts/sources/adr/parse-adr.ts';

const pad = (number: number) => String(number).padStart(4, '0');
/** `count` ADRs; every even one supersedes the one before it, so they relate in pairs. */
function pairs(count: number) {
  return linkAdrs(Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const status = number % 2 === 0 ? `Accepted\n\nSupersedes [${number - 1}. D](${pad(number - 1)}-d.md)` : `Superseded by [${number + 1}. D](${pad(number + 1)}-d.md)`;
    return parseAdr({ path: `docs/adr/${pad(number)}-d.md`, text: `# ${number}. Decision ${number}\n\n## Status\n\n${status}\n` }).records[0]!;
  })).adrs;
}

describe('adrGraph', () => {
  it('draws every related decision while they fit', () => {
    const graph = adrGraph(pairs(10))!;
    expect([graph.shown, graph.total]).toEqual([10, 10]);
    expect(graph.source.match(/-->\|supersedes\|/g)).toHaveLength(5);
  });

  it('draws whole groups, most recent first, up to the limit, and says how many it left out', () => {
    const graph = adrGraph(pairs(200))!;
    expect(graph.total).toBe(200);
    expect(graph.shown).toBe(MAX_GRAPH_NODES);
    // The most recent decisions are in; the oldest are not; no pair is cut in half.
    expect(graph.source).toContain('200. Decision 200');
    expect(graph.source).not.toContain('"1. Decision 1"');
    expect(graph.source.match(/-->\|supersedes\|/g)).toHaveLength(MAX_GRAPH_NODES / 2);
  });
});
