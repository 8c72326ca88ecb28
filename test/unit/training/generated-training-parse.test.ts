// Modules Handover generates are parsed with satteri (parseGeneratedTraining), authored ones with
// micromark + remark-directive (parseTrainingMarkdown): satteri is 30-60 times faster on the
// on-call module, which lists every alert. Both must give the same tree, positions included (every
// later stage reads it), and so the same page; text and leaf directives go back to text in both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialiseMdx } from '../../../scripts/emit/mdx/serialise-mdx.ts';
import { createUrlResolver } from '../../../scripts/emit/resolve-url.ts';
import { ingest } from '../../../scripts/ingest.ts';
import { generateTrainingModules } from '../../../scripts/model/generate-training.ts';
import { parseGeneratedTraining, parseTrainingMarkdown } from '../../../scripts/sources/training/parse-training.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

function page(tree: Parameters<typeof serialiseMdx>[0]): string {
  const resolveUrl = createUrlResolver({ fromPath: 'docs/training/x.md', pages: new Map(), base: '/', repoUrl: null, branch: 'main' }, []);
  return serialiseMdx(tree, { resolveUrl, diagrams: new Map() });
}

/** The shape of a generated module, with the awkward text a repository's titles and summaries bring. */
const AWKWARD = [
  'Every alert that can reach you, by severity.',
  '',
  '## Severity: critical',
  '',
  '- `Api5xx`: Errors {above} 5% at 14:10 <b>now</b> [Runbook: Fix:restart the pod](site:runbooks/api-5xx/)',
  '- `DiskFull`: std::vector and ::leaf text :name[label]{#id} [Runbook: Disk & <files>](site:runbooks/disk/)',
  '',
  ':::quiz',
  'Which runbook covers `Api5xx`?',
  '',
  '- [x] Fix:restart the pod',
  '- [ ] :::not a fence',
  ':::',
  '',
  '::leaf{a=b}',
  '',
  ':::exercise',
  '`Api5xx` has just fired: "Errors above 5%". Without help, find its runbook.',
  ':::',
  '',
  ':::answer',
  'Open [Fix](site:runbooks/api-5xx/). Its first action: `kubectl rollout restart`',
  ':::',
  '',
].join('\n');

describe('parsing generated training modules', () => {
  it("gives the demo's generated modules the same tree as the reference parser, positions included", async () => {
    const { model } = await ingest(path.join(PROJECT_ROOT, 'examples', 'demo-service'), { today: '2026-11-27' });
    const texts: string[] = [];
    generateTrainingModules({ adrs: model.adrs, alerts: model.alerts, runbooks: model.runbooks, debt: model.debt, apiModules: model.apiModules, authoredTitles: [], parse: (markdown) => (texts.push(markdown), { type: 'root', children: [] }) });
    expect(texts.length).toBe(4);
    for (const text of texts) expect(parseGeneratedTraining(text, 'x').tree).toEqual(parseTrainingMarkdown(text, 'x').tree);
  });

  it('gives the same tree and page on awkward text and on the training fixture of the serialiser', () => {
    const fixture = readFileSync(path.join(PROJECT_ROOT, 'test', 'unit', 'emit', 'fixtures', 'training-directives', 'input.md'), 'utf8');
    for (const text of [AWKWARD, fixture]) {
      const generated = parseGeneratedTraining(text, 'x').tree;
      expect(generated.children.filter((node) => node.type === 'containerDirective').length).toBeGreaterThan(2);
      expect(page(generated)).toBe(page(parseTrainingMarkdown(text, 'x').tree));
      expect(generated).toEqual(parseTrainingMarkdown(text, 'x').tree);
    }
  });

  it('falls back to the reference parser on text nested too deep for satteri', () => {
    const deep = `${'> '.repeat(3000)}deep\n\n:::quiz\nQ?\n\n- [x] A\n:::\n`;
    const { tree } = parseGeneratedTraining(deep, 'x');
    expect(tree.children.some((node) => node.type === 'containerDirective')).toBe(true);
  });
});
