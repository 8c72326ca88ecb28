import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@mdx-js/mdx';
import type { Nodes } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { defaultSchema } from 'hast-util-sanitize';
import { describe, expect, it } from 'vitest';
import { serialiseMdx } from '../../../scripts/emit/mdx/serialise-mdx.ts';
import { createUrlResolver, type DroppedUrl } from '../../../scripts/emit/resolve-url.ts';
import { parseMarkdown } from '../../../scripts/sources/markdown/parse-markdown.ts';
import { parseTrainingMarkdown } from '../../../scripts/sources/training/parse-training.ts';

// Fixture folders: input.md (+ options.json) -> output.mdx. Regenerate with UPDATE=1.
const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const cases = (await readdir(FIXTURE_DIR)).sort();

interface CaseOptions {
  fromPath?: string;
  pages?: Record<string, string>;
  base?: string;
  repoUrl?: string | null;
  branch?: string;
  diagrams?: Record<string, string>;
}

async function convert(name: string): Promise<{ mdx: string; dropped: DroppedUrl[] }> {
  const folder = path.join(FIXTURE_DIR, name);
  const input = await readFile(path.join(folder, 'input.md'), 'utf8');
  const optionsFile = path.join(folder, 'options.json');
  const options: CaseOptions = existsSync(optionsFile) ? JSON.parse(await readFile(optionsFile, 'utf8')) : {};
  const dropped: DroppedUrl[] = [];
  const resolveUrl = createUrlResolver({
    fromPath: options.fromPath ?? 'docs/adr/0001-example.md',
    pages: new Map(Object.entries(options.pages ?? {})),
    base: options.base ?? '/',
    repoUrl: options.repoUrl ?? null,
    branch: options.branch ?? 'main',
  }, dropped);
  const { tree } = name.startsWith('training') ? parseTrainingMarkdown(input, 'input.md') : parseMarkdown(input, 'input.md');
  return { mdx: serialiseMdx(tree, { resolveUrl, diagrams: new Map(Object.entries(options.diagrams ?? {})) }), dropped };
}

/** Elements that may appear: Handover's own (diagrams) and GitHub's HTML allow-list. */
const ALLOWED_ELEMENTS = new Set(['figure', 'Fragment', 'aside', 'label', ...(defaultSchema.tagNames ?? [])]);

/**
 * Every MDX construct in a document that could run code: ESM, expressions (except Handover's
 * own diagram `set:html` string), elements off the allow-list, event handlers, script URLs.
 */
function activeConstructs(mdx: string): string[] {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx);
  const found: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') found.push(`${node.type}: ${node.value}`);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (!ALLOWED_ELEMENTS.has(node.name ?? '')) found.push(`<${node.name}>`);
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') found.push(`spread attribute on <${node.name}>`);
        else if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${node.name}>`);
        else if (typeof attribute.value === 'string' && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(`${attribute.name}=${attribute.value}`);
        else if (typeof attribute.value === 'object' && attribute.value !== null && !(node.name === 'Fragment' && attribute.name === 'set:html' && /^"/.test(attribute.value.value))) found.push(`expression in ${attribute.name}`);
      }
    }
  });
  return found;
}

describe('serialiseMdx: service-repo Markdown to MDX that cannot execute', () => {
  it.each(cases)('%s matches output.mdx', async (name) => {
    const { mdx } = await convert(name);
    const expectedFile = path.join(FIXTURE_DIR, name, 'output.mdx');
    if (process.env.UPDATE || !existsSync(expectedFile)) await writeFile(expectedFile, mdx);
    expect(mdx).toBe(await readFile(expectedFile, 'utf8'));
  });

  it.each(cases)('%s compiles as MDX with no ESM, expressions or foreign JSX', async (name) => {
    const { mdx } = await convert(name);
    await expect(compile(mdx)).resolves.toBeDefined();
    expect(activeConstructs(mdx)).toEqual([]);
  });

  it('drops javascript: and data: URLs and links that leave the repository, and says so', async () => {
    const { mdx, dropped } = await convert('hostile-markdown');
    expect(mdx).not.toMatch(/javascript:|data:|etc\/passwd/);
    // Script is stripped; allowed HTML survives without its event handlers.
    expect(mdx).not.toMatch(/script|steal/);
    expect(mdx).toMatch(/<div>\s*Raw <b>HTML<\/b> block\s*<\/div>/);
    expect(dropped.map((drop) => drop.reason)).toEqual(['unsafe-scheme', 'unsafe-scheme', 'unsafe-scheme', 'outside-repo']);
  });

  it('points links at site pages when the target became one, else at the repository', async () => {
    const { mdx } = await convert('links');
    expect(mdx).toContain('[the previous decision](/handover/adr/0002-use-postgres/)');
    expect(mdx).toContain('(/handover/adr/0002-use-postgres/#status)');
    expect(mdx).toContain('(https://github.com/example/service/blob/main/docs/runbooks/restart.md)');
    expect(mdx).toContain('(https://github.com/example/service/blob/main/src/index.ts)');
    expect(mdx).toContain('(https://github.com/example/service/raw/main/docs/adr/images/architecture.png "The architecture")');
  });

  it('keeps allowed raw HTML as sanitised elements and the rest as text', async () => {
    const { mdx } = await convert('raw-html');
    expect(mdx).toMatch(/<details>\s*<summary>\s*Show the <b>answer<\/b>\s*<\/summary>[\s\S]*The answer is \*\*42\*\*, see \[the runbook\]\(https:\/\/github\.com\/example\/service\/blob\/main\/docs\/runbooks\/restart\.md\)[\s\S]*<\/details>/);
    expect(mdx).toContain('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O');
    expect(mdx).toContain('<span title="x">a span</span>');
    expect(mdx).toContain('src="https://github.com/example/service/raw/main/docs/adr/images/diagram.png"');
    expect(mdx).not.toMatch(/onerror|onmouseover|iframe|evil|javascript:|display: none/);
    expect(mdx).toContain('<a>bad link</a>');
    expect(mdx).toContain('\\<placeholder>, \\<council-code> and \\<% erb %> and \\{\\{\\< ref "x" >}}');
    expect(mdx).toContain('\\<details>');
  });

  it('embeds rendered diagrams as a JSON string, and keeps unrendered ones as code', async () => {
    const { mdx } = await convert('mermaid');
    expect(mdx).toContain('<Fragment set:html={"<svg role=\\"img\\"><text>\\"A\\" {B} </script></text></svg>"} />');
    expect(mdx).toContain('```mermaid\ngraph TD; this diagram has no SVG\n```');
  });
});
