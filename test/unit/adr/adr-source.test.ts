import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { adrSource } from '../../../scripts/sources/adr/index.ts';

const context = { repoRoot: '/nowhere', config: ConfigSchema.parse({}) };
const skipped = (fileName: string) => adrSource.parse({ path: `docs/adr/${fileName}`, text: '# 1. A decision\n' }, context).skipped ?? null;

describe('files in an ADR folder that are not decisions', () => {
  it.each([
    ['README.md', 'index or README of the ADR folder'], ['index.md', 'index or README of the ADR folder'], ['_index.md', 'index or README of the ADR folder'],
    ['adr-index.md', 'index or README of the ADR folder'], ['decision-log.md', 'index or README of the ADR folder'],
    ['template.md', 'ADR template'], ['adr-template.md', 'ADR template'], ['0000-TEMPLATE.md', 'ADR template'], ['adr000-template.md', 'ADR template'],
    ['ADRXXX-template.md', 'ADR template'], ['adrtemplate.md', 'ADR template'],
  ])('%s is skipped (%s)', (fileName, reason) => {
    expect(skipped(fileName)).toBe(reason);
  });

  it.each(['adr001-add-adr-log.md', 'adr-014-project-templates.md', '0008-extension-template.md', 'ADRXXX-use-vite.md', '20200101-use-x.md'])('%s is a decision', (fileName) => {
    expect(skipped(fileName)).toBeNull();
  });
});
