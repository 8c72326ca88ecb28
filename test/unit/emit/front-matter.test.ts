import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatterBlock } from '../../../scripts/emit/front-matter.ts';

const value = fc.oneof(fc.string({ unit: 'binary' }), fc.boolean(), fc.constant(null), fc.integer(), fc.dictionary(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' })), fc.array(fc.string({ unit: 'binary' })));

describe('front matter', () => {
  it('reads back as the same values in Astro (js-yaml) and in the yaml library, whatever the characters', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]*$/), value), (values) => {
        const page = `${frontMatterBlock(values)}\n# Body\n`;
        expect(parseFrontmatter(page).frontmatter).toEqual(values);
        expect(parseYaml(page.split('---\n')[1]!) ?? {}).toEqual(values);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes one line per key', () => {
    expect(frontMatterBlock({ title: 'Use "Postgres": yes', editUrl: false, handover: { kind: 'adr', id: '0001' } })).toBe('---\ntitle: "Use \\"Postgres\\": yes"\neditUrl: false\nhandover: {"kind":"adr","id":"0001"}\n---\n');
  });
});
