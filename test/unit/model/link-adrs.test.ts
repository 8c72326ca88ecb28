import { describe, expect, it } from 'vitest';
import { linkAdrs } from '../../../scripts/model/link-adrs.ts';
import { parseAdr } from '../../../scripts/sources/adr/parse-adr.ts';

const adr = (file: string, text: string) => parseAdr({ path: `docs/adr/${file}`, text }).records[0]!;
const codes = (result: ReturnType<typeof linkAdrs>) => result.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`);

describe('linkAdrs', () => {
  it('resolves a link written on one side in both directions, and notes the silent side', () => {
    const result = linkAdrs([
      adr('0001-a.md', '# 1. A\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n'),
      adr('0002-b.md', '# 2. B\n\n## Status\n\nAccepted\n'),
    ]);
    expect(result.adrs.map((a) => [a.id, a.supersedes, a.supersededBy])).toEqual([
      ['0001-a', [], ['0002-b']],
      ['0002-b', ['0001-a'], []],
    ]);
    expect(codes(result)).toEqual(['docs/adr/0002-b.md:1 info adr/one-sided-link']);
  });

  it('reports a superseded ADR whose status says accepted, a dangling link and duplicate numbers', () => {
    const result = linkAdrs([
      adr('0001-a.md', '# 1. A\n\n## Status\n\nAccepted\n'),
      adr('0002-b.md', '# 2. B\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n\nAmends [9. Gone](0009-gone.md)\n'),
      adr('0002-c.md', '# 2. C\n\n## Status\n\nProposed\n'),
    ]);
    expect(codes(result).sort()).toEqual([
      'docs/adr/0001-a.md:1 warning adr/status-contradicts-link',
      'docs/adr/0002-b.md:9 warning adr/dangling-link',
      'docs/adr/0002-c.md:1 warning adr/duplicate-number',
    ]);
    const contradiction = result.diagnostics.find((d) => d.code === 'adr/status-contradicts-link')!;
    expect(contradiction.message).toBe('ADR 2 ("B") supersedes this ADR, but its status is "Accepted".');
  });

  it('reports ADRs that supersede each other in a circle', () => {
    const result = linkAdrs([
      adr('0001-a.md', '# 1. A\n\n## Status\n\nSuperseded by [2](0002-b.md)\n\nSupersedes [2](0002-b.md)\n'),
      adr('0002-b.md', '# 2. B\n\n## Status\n\nSuperseded\n'),
    ]);
    expect(codes(result)).toContain('docs/adr/0001-a.md:1 warning adr/supersede-cycle');
  });

  it('does not resolve a link by number when two ADRs share that number', () => {
    const result = linkAdrs([
      adr('0001-a.md', '# 1. A\n\n## Status\n\nSuperseded by ADR-2\n'),
      adr('0002-b.md', '# 2. B\n\n## Status\n\nAccepted\n'),
      adr('0002-c.md', '# 2. C\n\n## Status\n\nAccepted\n'),
    ]);
    expect(result.adrs[0]!.supersededBy).toEqual([]);
  });
});
