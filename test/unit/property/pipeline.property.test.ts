import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { buildModel, type SourceRecords } from '../../../scripts/model/build-model.ts';
import { serialiseMdx } from '../../../scripts/emit/mdx/serialise-mdx.ts';
import { createUrlResolver } from '../../../scripts/emit/resolve-url.ts';
import { pageIndex } from '../../../scripts/emit/site-paths.ts';
import { adrSource } from '../../../scripts/sources/adr/index.ts';
import { debtSource } from '../../../scripts/sources/debt/index.ts';
import { runbookSource } from '../../../scripts/sources/runbook/index.ts';
import type { Source } from '../../../scripts/sources/types.ts';

/**
 * Property: whatever Markdown a repository holds, the pure pipeline (each source's parse,
 * buildModel, and the MDX serialiser) never throws, accounts for every file (a record, a skip
 * or a diagnostic), and writes MDX that compiles. Seeded, so a failure is reproducible.
 */

const config = ConfigSchema.parse({});
const context = { repoRoot: '/nowhere', config };

const word = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('Accepted', 'Superseded by [2](0002-b.md)', 'Proposed', 'rejected', '✅', 'Date: 2024-02-30', '2023-03-14', 'TODO', '{id}', '{', '}', '<', '>', '<placeholder>', '<%= erb %>', '{{< ref "x.md" >}}', ':::', '::quiz', '&amp;', '\\', '`', '*', '_', '|', 'import x from "y"', 'export const a = 1', '$$', '[^1]', 'https://example.org', 'javascript:alert(1)', 'ÿ', '\u200b', '😀', 'مرحبا'),
);
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const block = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.constantFrom('## Status', '## Context', '## Decision', '## Consequences', '## Mitigation', '## Diagnosis', '* Status: accepted', '- Status: superseded', 'Date: 2024-01-02', '---', '***'),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((item, index) => (index % 2 ? `1. ${item}` : `- [${index % 3 ? 'x' : ' '}] ${item}`)).join('\n')),
  fc.tuple(line, line, line).map(([a, b, c]) => `| ${a} | ${b} |\n|---|---|\n| ${c} | ${a} |`),
  fc.tuple(fc.constantFrom('', 'ts', 'mermaid', 'yaml', 'html', '{js}'), line).map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``),
  fc.constantFrom('<details><summary>More</summary>', '</details>', '<script>alert(1)</script>', '<img src="x" onerror="alert(1)">', '<div align="center">', '</div>', '<br>', '<!-- a comment -->', '<kbd>Ctrl</kbd>', '<a href="javascript:alert(1)">x</a>', '<table><tr><td>1</td></tr></table>', '<p', '</>', '<Foo bar={1} />', '<style>body{}</style>'),
  fc.tuple(fc.constantFrom('quiz', 'exercise', 'answer', 'checklist', 'note', ''), line).map(([name, text]) => `:::${name}\n${text}\n:::`),
  fc.tuple(line, fc.constantFrom('../runbooks/x.md', '0002-b.md', '../../../etc/passwd', 'javascript:alert(1)', '#anchor', 'image.png', '', '<>')).map(([text, url]) => `[${text}](${url}) ![${text}](${url})`),
);
const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('accepted', 'Superseded', 'open', 'paid', '2024-01-02', '2024-13-45', 'internal', '6 months'));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), scalar, { maxKeys: 3 }));
const key = fc.oneof(fc.constantFrom('title', 'status', 'date', 'deciders', 'tags', 'owner', 'alerts', 'last_reviewed_on', 'review_in', 'impact', 'ref', 'visibility'), fc.string({ minLength: 1, maxLength: 8 }));
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.dictionary(key, value, { maxKeys: 6 }).map((data) => `---\n${stringifyYaml(data)}---\n`),
  line.map((text) => `---\n${text}\n---\n`),
);
const markdown = fc.tuple(frontMatter, fc.array(block, { maxLength: 10 })).map(([front, blocks]) => `${front}${blocks.join('\n\n')}\n`);

const KINDS = [
  { source: adrSource, paths: ['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/adr/README.md'] },
  { source: runbookSource, paths: ['docs/runbooks/x.md', 'docs/runbooks/High-Latency.md'] },
  { source: debtSource, paths: ['docs/debt/README.md', 'docs/debt/td-1.md', 'TECH_DEBT.md'] },
] as const;
const repository = fc.tuple(...KINDS.map((kind) => fc.tuple(...kind.paths.map(() => fc.option(markdown, { nil: undefined })))));

describe('the pure pipeline over random Markdown', () => {
  it('never throws, accounts for every file, and emits MDX that compiles', async () => {
    await fc.assert(
      fc.asyncProperty(repository, async (texts) => {
        const records: Record<string, unknown[]> = { adr: [], runbook: [], debt: [] };
        KINDS.forEach((kind, kindIndex) => {
          kind.paths.forEach((path, index) => {
            const text = texts[kindIndex]![index];
            if (text === undefined) return;
            const result = (kind.source as Source<unknown>).parse({ path, text }, { ...context, discovered: new Set(kind.paths) });
            expect(result.records.length > 0 || result.skipped !== undefined || result.diagnostics.length > 0, `${path} gave nothing:\n${text}`).toBe(true);
            records[kind.source.kind]!.push(...result.records);
          });
        });
        const sources = { adr: records.adr, runbook: records.runbook, debt: records.debt, service: [], alert: [], ownership: [], 'code-marker': [], training: [], release: [], security: [] } as unknown as SourceRecords;
        const { model } = buildModel(sources, config, '/nowhere', { today: '2026-11-27', lastCommitDates: new Map(), markerDates: new Map(), apiModules: [], commit: null });
        const pages = pageIndex(model);
        const documents = [
          ...model.adrs.map((adr) => ({ path: adr.source.path, tree: adr.body })),
          ...model.runbooks.map((runbook) => ({ path: runbook.source.path, tree: runbook.body })),
          ...model.debt.flatMap((item) => (item.body ? [{ path: item.source.path, tree: item.body }] : [])),
          ...model.training.map((module) => ({ path: `docs/training/${module.id}.md`, tree: module.body })),
        ];
        for (const document of documents) {
          const resolveUrl = createUrlResolver({ fromPath: document.path, pages, base: '/', repoUrl: 'https://github.com/example/service', branch: 'main' }, []);
          const mdx = serialiseMdx(document.tree, { resolveUrl, diagrams: new Map() });
          await compile(mdx, { remarkPlugins: [remarkGfm] }).catch((error: Error) => {
            throw new Error(`${document.path}: the MDX does not compile (${error.message}):\n${mdx}`);
          });
        }
      }),
      { seed: 20261127, numRuns: 100 },
    );
  }, 60_000);
});
