import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PublishedReportSchema, type PublishedReport } from '../../scripts/report/build-report.ts';
import { OUTSIDE_SECRET, prepareHostileRepo } from '../helpers/hostile-repo.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { liveContent, scriptSignatures } from '../helpers/scan-live-html.ts';

// One build of the hostile corpus (test/fixtures/hostile) for every case below.
let scratch: string;
let repo: string;
let out: string;
let build: CliResult;
let report: PublishedReport;
let htmlFiles: string[];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-hostile-'));
  repo = await prepareHostileRepo(scratch);
  out = path.join(scratch, 'dist');
  build = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, 'work')]);
  if (build.code !== 0) throw new Error(`The hostile build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
  report = PublishedReportSchema.parse(JSON.parse(await readFile(path.join(out, 'handover-report.json'), 'utf8')));
  htmlFiles = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
}, 240_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const page = (sitePath: string) => readFile(path.join(out, sitePath, 'index.html'), 'utf8');
const fileOutcome = (repoPath: string) => report.files.filter((file) => file.path === repoPath);
const codesFor = (repoPath: string) => report.diagnostics.filter((diagnostic) => diagnostic.file === repoPath).map((diagnostic) => diagnostic.code);
/** The visible text of a page's main content: tags removed, entities decoded, typographic quotes made plain. */
const mainText = (html: string) => (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');

describe('a build of hostile input', () => {
  it('finishes with exit code 0 and a report of every error', () => {
    expect(build.code).toBe(0);
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('publishes no live script, handler, script URL, frame, object, form, base or meta refresh on any page', async () => {
    // Scripts the site itself carries: every script of every page of the clean demo build.
    const demo = inject('demoSite');
    const known = new Set<string>();
    for (const file of (await readdir(demo, { recursive: true })).filter((name) => name.endsWith('.html'))) {
      for (const script of scriptSignatures(await readFile(path.join(demo, file), 'utf8'))) known.add(script);
    }
    const problems: string[] = [];
    for (const file of htmlFiles) for (const problem of liveContent(await readFile(path.join(out, file), 'utf8'), known)) problems.push(`${file}: ${problem}`);
    expect(problems).toEqual([]);
    expect(htmlFiles.length).toBeGreaterThan(30);
  });

  it('never publishes a byte from outside the repository (symlinks, ../ paths, /etc/passwd)', async () => {
    const leaks: string[] = [];
    for (const file of await readdir(out, { recursive: true })) {
      if (!/\.(html|json|svg|png|txt|xml|md)$/.test(file)) continue;
      const text = await readFile(path.join(out, file), 'utf8');
      if (text.includes(OUTSIDE_SECRET) || /root:x:0:0:/.test(text)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
    expect(existsSync(path.join(out, 'adr', '0009-link'))).toBe(false);
    expect(existsSync(path.join(out, 'adr', '0018-outside-link'))).toBe(false);
  });
});

describe('raw HTML and MDX syntax', () => {
  it('drops script, style, frames, objects, forms and handlers, keeping the allowed HTML and the text', async () => {
    const html = await page('adr/0001-raw-html');
    expect(fileOutcome('docs/adr/0001-raw-html.md')[0]?.outcome).toBe('record');
    expect(html).toContain('click me');
    expect(html).toContain('hover me');
    expect(html).toMatch(/<details[^>]*><summary>Details<\/summary>/);
    expect(html).not.toMatch(/<style[^>]*>[^<]*expression\(/);
    expect(html).not.toMatch(/url\(javascript:/);
    // `<base>`, `<link>` and `<meta>` are shown as text (their URL may become an ordinary https link).
    expect(html).not.toMatch(/<(base|link|meta)\b[^>]*(evil\.example|javascript:)/i);
    expect(mainText(html)).toContain('<meta http-equiv="refresh"');
  });

  it('shows import/export lines, {expressions} and JSX-looking tags as text', async () => {
    const text = mainText(await page('adr/0004-mdx-syntax'));
    expect(text).toContain("import fs from 'node:fs'");
    expect(text).toContain('export default function Layout()');
    expect(text).toContain('{process.exit()}');
    expect(text).toContain('{globalThis.alert(1)}');
    expect(text).toContain("<Foo prop={globalThis.__pwned = 'jsx-prop'} />");
    expect(text).toContain('<Fragment set:html=');
  });

  it('shows Hugo, ERB, Jinja and Liquid tags as text', async () => {
    const text = mainText(await page('adr/0006-template-tags'));
    expect(text).toContain('<%= system("id") %>');
    expect(text).toContain('{% include "/etc/passwd" %}');
    expect(text).toContain('{{ config.SECRET_KEY }}');
    expect(text).toContain('{{% notice warning %}}');
  });
});

describe('URLs', () => {
  it('removes javascript:, vbscript: and data: links and images, reporting each with its line', async () => {
    const unsafe = report.diagnostics.filter((diagnostic) => diagnostic.file === 'docs/adr/0002-dangerous-urls.md' && diagnostic.code === 'link/unsafe-scheme');
    expect(unsafe.map((diagnostic) => diagnostic.line)).toEqual([11, 11, 12, 12, 14, 18, 19, 21, 21, 23, 24]);
    const text = mainText(await page('adr/0002-dangerous-urls'));
    expect(text).toContain('raw anchor');
    expect(text).toContain('Markdown javascript');
  });

  it('removes links and images that leave the repository, and does not publish symlinked images', () => {
    expect(codesFor('docs/adr/0007-escaping-paths.md').filter((code) => code === 'link/outside-repo')).toHaveLength(4);
    expect(codesFor('docs/adr/0019-symlinked-image.md')).toEqual(['image/outside-repo', 'image/outside-repo']);
  });

  it('does not link an alert runbook_url that is not a web address', async () => {
    expect(codesFor('alerts/rules.yml')).toEqual(['alert/unsafe-runbook-url', 'alert/unsafe-runbook-url']);
    expect(await page('alerts')).not.toMatch(/href="(data|javascript):/i);
  });
});

describe('SVG and Mermaid', () => {
  it('does not publish an SVG file that carries script, and publishes a harmless one', async () => {
    expect(codesFor('docs/adr/0003-svg.md')).toContain('image/unsafe-svg');
    const published = (await readdir(path.join(out, 'assets'), { recursive: true })).map((file) => path.basename(file));
    expect(published).toContain('fine.svg');
    expect(published).not.toContain('evil.svg');
  });

  it('renders diagrams with click callbacks and HTML labels as inert SVG, labels as text', async () => {
    const html = await page('adr/0005-mermaid');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)?.filter((svg) => svg.includes('flowchart')) ?? [];
    expect(svgs.length).toBe(2);
    for (const svg of svgs) {
      expect(svg).not.toMatch(/<(img|script|foreignObject)\b/i);
      expect(svg).not.toMatch(/\shref=|xlink:href=/i);
    }
    expect(html).toContain('&lt;img src=');
  });
});

describe('sizes, encodings and structure', () => {
  it('skips a 50 MB document with source/too-large, and a binary .md with source/binary', () => {
    expect(fileOutcome('docs/runbooks/fifty-megabytes.md')[0]).toMatchObject({ outcome: 'error' });
    expect(codesFor('docs/runbooks/fifty-megabytes.md')).toEqual(['source/too-large']);
    expect(fileOutcome('docs/adr/0014-binary.md')[0]).toMatchObject({ outcome: 'error' });
    expect(codesFor('docs/adr/0014-binary.md')).toEqual(['source/binary']);
  });

  it('builds a 10,000-row table in full', async () => {
    const html = await page('runbooks/huge-table');
    expect(html.match(/<tr>/g)?.length).toBe(10_001);
    expect(mainText(html)).toContain('{9999}');
  });

  it('flattens 500-level lists and quotes, keeping their text, with a diagnostic', async () => {
    expect(codesFor('docs/adr/0016-deep-list.md')).toEqual(['markdown/too-deeply-nested']);
    expect(codesFor('docs/adr/0017-deep-quote.md')).toEqual(['markdown/too-deeply-nested']);
    expect(mainText(await page('adr/0016-deep-list'))).toContain('level 500');
    expect(mainText(await page('adr/0017-deep-quote'))).toContain('deepest');
  });

  it('reads invalid UTF-8 with replacement characters, and BOM, CRLF and mixed line endings cleanly', async () => {
    expect(mainText(await page('adr/0015-invalid-utf8'))).toContain('\uFFFD');
    const bom = await page('adr/0012-bom-crlf');
    expect(bom).toContain('<title>BOM and CRLF');
    expect(bom).not.toContain('\uFEFF');
    expect(bom).not.toContain('\r');
    expect(await page('adr/0013-mixed-endings')).toContain('<title>Mixed line endings');
  });

  it('ignores front matter that is a list or a scalar, with a warning', () => {
    expect(codesFor('docs/adr/0008-front-matter-list.md')).toEqual(['markdown/front-matter-not-mapping']);
    expect(codesFor('docs/adr/0010-front-matter-scalar.md')).toEqual(['markdown/front-matter-not-mapping']);
  });

  it('refuses YAML bombs in front matter, alert rules and the config file without expanding them', () => {
    expect(codesFor('docs/adr/0011-yaml-bomb.md')).toEqual(['markdown/invalid-front-matter']);
    expect(fileOutcome('docs/adr/0011-yaml-bomb.md')[0]?.outcome).toBe('record');
    expect(codesFor('handover.config.yaml')).toEqual(['config/invalid-syntax']);
    expect(fileOutcome('alerts/bomb.yml').find((file) => file.source === 'alert')?.outcome).toBe('record');
  });

  it('publishes runbooks whose names differ only in case at two addresses, with a warning', async () => {
    expect(fileOutcome('docs/runbooks/Disk-Full.md')[0]?.records).toEqual(['disk-full']);
    expect(fileOutcome('docs/runbooks/disk-full.md')[0]?.records).toEqual(['disk-full-2']);
    expect(codesFor('docs/runbooks/disk-full.md')).toEqual(['runbook/duplicate-id']);
    expect(await page('runbooks/disk-full')).toContain('Disk full (capitalised file)');
    expect(await page('runbooks/disk-full-2')).toContain('Disk full (lower-case file)');
  });

  it('refuses documents that are symlinks out of the repository', () => {
    expect(fileOutcome('docs/training/02-passwd.md')[0]?.outcome).toBe('error');
    expect(codesFor('docs/training/02-passwd.md')).toEqual(['source/outside-repo']);
    expect(codesFor('docs/training/linked-folder/secret.md')).toEqual(['source/outside-repo']);
    // ADR discovery does not follow symlinks: the links are neither read nor listed.
    expect(fileOutcome('docs/adr/0009-link.md').every((file) => file.outcome === 'error')).toBe(true);
  });
});

describe('--strict', () => {
  it('exits 1 when the hostile input has errors', async () => {
    const result = await runCli(['ingest', '--repo', repo, '--strict']);
    expect(result.code).toBe(1);
  });
});
