// `handover dev` shows an edited ADR at once by rewriting its page's body against the last full
// run's model (scripts/cli/dev-fast-page.ts), before regenerating the whole site. This checks the
// rewrite on a copy of the demo: the body is what a full run writes, the front matter is kept, and
// anything it cannot do alone (a new diagram) is left to the full run, and a full run that a newer
// edit has stopped writes nothing.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteChangedPage } from '../../scripts/cli/dev-fast-page.ts';
import { DevSession } from '../../scripts/cli/dev-session.ts';
import { generateContent, type Generated } from '../../scripts/generate-content.ts';

const DEMO = path.resolve(import.meta.dirname, '..', '..', 'examples', 'demo-service');
let scratch: string;
let repoRoot: string;
let contentDir: string;
let last: Generated;
let adr: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-dev-fast-'));
  repoRoot = path.join(scratch, 'repo');
  contentDir = path.join(scratch, 'content');
  await cp(DEMO, repoRoot, { recursive: true });
  last = await generateContent({ repoRoot, contentDir, cacheDir: path.join(scratch, 'cache'), base: '/', allMdx: true });
  adr = `docs/adr/${(await readdir(path.join(repoRoot, 'docs', 'adr'))).filter((name) => /^0003-.*\.md$/.test(name))[0]!}`;
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the dev fast path', () => {
  it("rewrites an edited ADR's page body with the same serialiser, keeping its front matter", async () => {
    const page = [...last.emit.sources].find(([, source]) => source === adr)![0];
    const before = await readFile(path.join(contentDir, page), 'utf8');
    const text = await readFile(path.join(repoRoot, adr), 'utf8');
    await writeFile(path.join(repoRoot, adr), text.replace('## Context', '## Context\n\nAn edit with {braces} and <b>markup</b>.'));
    expect(await rewriteChangedPage(last, { repoRoot, contentDir }, adr)).toBe(page);
    const after = await readFile(path.join(contentDir, page), 'utf8');
    expect(after.slice(0, after.indexOf('\n---\n\n'))).toBe(before.slice(0, before.indexOf('\n---\n\n')));
    expect(after).toContain('An edit with \\{braces}');
    // The full run that follows writes the same body.
    await generateContent({ repoRoot, contentDir, cacheDir: path.join(scratch, 'cache'), base: '/', allMdx: true });
    const full = await readFile(path.join(contentDir, page), 'utf8');
    expect(full.slice(full.indexOf('\n---\n\n'))).toBe(after.slice(after.indexOf('\n---\n\n')));
  }, 120_000);

  it('leaves a new diagram, and files that are no page, to the full run', async () => {
    const text = await readFile(path.join(repoRoot, adr), 'utf8');
    await writeFile(path.join(repoRoot, adr), `${text}\n\n\`\`\`mermaid\nflowchart LR\n  New --> Diagram\n\`\`\`\n`);
    expect(await rewriteChangedPage(last, { repoRoot, contentDir }, adr)).toBeNull();
    expect(await rewriteChangedPage(last, { repoRoot, contentDir }, 'handover.config.yaml')).toBeNull();
  });

  it('writes nothing from a regeneration that a newer edit has stopped', async () => {
    const page = [...last.emit.sources].find(([, source]) => source === adr)![0];
    const before = await readFile(path.join(contentDir, page), 'utf8');
    const text = await readFile(path.join(repoRoot, adr), 'utf8');
    await writeFile(path.join(repoRoot, adr), text.replace('## Context', '## Context\n\nA regeneration nobody needs.'));
    const options = { repoRoot, contentDir, cacheDir: path.join(scratch, 'cache'), base: '/', allMdx: true };
    await expect(generateContent({ ...options, signal: AbortSignal.abort() })).rejects.toThrow();
    const controller = new AbortController();
    const stopped = generateContent({ ...options, signal: controller.signal });
    controller.abort();
    await expect(stopped).rejects.toThrow();
    expect(await readFile(path.join(contentDir, page), 'utf8')).toBe(before);
    await generateContent({ ...options, signal: new AbortController().signal });
    expect(await readFile(path.join(contentDir, page), 'utf8')).toContain('A regeneration nobody needs.');
  }, 120_000);

  it('reloads the open pages once Astro has read the rewritten page, and regenerates once it is served again', async () => {
    const page = [...last.emit.sources].find(([, source]) => source === adr)![0];
    const lines: string[] = [];
    const reporter = { step() {}, done() {}, diagnostics() {}, info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    let reloads = 0;
    const options = { repoRoot, contentDir, cacheDir: path.join(scratch, 'cache'), base: '/', allMdx: true };
    const session = new DevSession(await generateContent(options), options, reporter, () => (reloads += 1));
    const text = await readFile(path.join(repoRoot, adr), 'utf8');
    await writeFile(path.join(repoRoot, adr), text.replace('## Context', '## Context\n\nShown before the regeneration.'));
    session.fileChanged(adr);
    await expect.poll(() => readFile(path.join(contentDir, page), 'utf8')).toContain('Shown before the regeneration.');
    // Lines about other pages, and the page served before Astro has read it, change nothing.
    session.astroSaid('[glob-loader] Reloaded data from adr/some-other-decision.mdx');
    session.astroSaid('[200] /adr/some-other-decision/ 12ms');
    expect(reloads).toBe(0);
    session.astroSaid(`[glob-loader] Reloaded data from ${page.replace(/^docs\//, '')}`);
    expect(reloads).toBe(1);
    expect(lines.some((line) => line.includes('content regenerated'))).toBe(false);
    session.astroSaid('[200] /adr/the-page/ 130ms');
    await expect.poll(() => lines.some((line) => line.includes(`${adr} changed; content regenerated`)), { timeout: 30_000 }).toBe(true);
    expect(reloads).toBe(1);
    // The regeneration saves its caches after saying so: the scratch folder goes once it has.
    await session.settled();
  }, 120_000);
});
