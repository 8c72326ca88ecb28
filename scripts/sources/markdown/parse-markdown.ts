import matter from 'gray-matter';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { boundPrefixes, limitNesting } from './limit-nesting.ts';

/** micromark (remark-parse + remark-gfm): the reference parser, used when satteri cannot parse a text. */
const referenceParser = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses CommonMark + GFM into mdast. satteri (the native parser Astro 7 itself renders Markdown
 * with) gives the same tree as remark-parse + remark-gfm, positions included, 40 times faster
 * (ADR 19; `test/unit/sources/markdown-parsers.test.ts` compares the two over every fixture). Its
 * tree builder recurses, so a text nested too deep for it falls back to micromark.
 */
export function parseTree(markdown: string): Root {
  // CommonMark replaces U+0000 with U+FFFD; micromark does, satteri keeps it. Same length.
  const text = markdown.includes('\u0000') ? markdown.replaceAll('\u0000', '\uFFFD') : markdown;
  try {
    return markdownToMdast(text, { features: { gfm: true, frontmatter: false } }) as Root;
  } catch {
    return referenceParser.parse(text);
  }
}

/** The reference parse (remark-parse + remark-gfm), for tests that compare parsers. */
export function parseTreeWithMicromark(markdown: string): Root {
  return referenceParser.parse(markdown);
}

/** A Markdown file split into front matter and an mdast tree whose positions match the file. */
export interface ParsedMarkdown {
  /** Front matter as a plain object; empty when there is none or it is invalid. */
  data: Record<string, unknown>;
  tree: Root;
  diagnostics: Diagnostic[];
}

/** Parses Markdown with optional YAML front matter; bad front matter is a diagnostic, not a throw. */
export function parseMarkdown(text: string, file: string): ParsedMarkdown {
  const diagnostics: Diagnostic[] = [];
  let data: Record<string, unknown> = {};
  let body = text;
  if (/^---[ \t]*\n/.test(text)) {
    try {
      // gray-matter splits; the `yaml` package parses, with alias limits against YAML bombs.
      const parsed = matter(text, {
        engines: { yaml: (source: string) => parseYaml(source, { maxAliasCount: 100 }) as object },
      });
      const value: unknown = parsed.data;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        data = value as Record<string, unknown>;
      } else if (value != null) {
        diagnostics.push(createDiagnostic({ file, line: 1 }, {
          severity: 'warning',
          code: 'markdown/front-matter-not-mapping',
          message: 'The front matter is not a set of `key: value` pairs, so it was ignored.',
          hint: 'Write front matter as YAML keys, e.g. `status: accepted`.',
        }));
      }
      // Blank out the front matter instead of cutting it, so body positions stay file positions.
      body = text.slice(0, text.length - parsed.content.length).replace(/[^\n]/g, '') + parsed.content;
    } catch (error) {
      const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line + 1 : 1;
      // The parser's own "at line N, column M" counts from the front matter, not the file: drop it.
      const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/ at line \d+, column \d+:?$/, '.');
      diagnostics.push(createDiagnostic({ file, line }, {
        severity: 'error',
        code: 'markdown/invalid-front-matter',
        message: `The front matter is not valid YAML: ${reason} Its simple \`key: value\` lines were read one by one.`,
        hint: 'Fix the YAML between the `---` lines (quote values that contain `:` or start with `@`, `*` or `[`).',
      }));
      const end = text.indexOf('\n---', 3);
      if (end !== -1) {
        data = readSimpleLines(text.slice(text.indexOf('\n') + 1, end));
        body = text.slice(0, end + 4).replace(/[^\n]/g, '') + text.slice(end + 4);
      }
    }
  }
  const tree = parseTree(boundPrefixes(withShortcodeLinksAsUrls(withPlainHeadingSpaces(body))));
  diagnostics.push(...limitNesting(tree, file));
  return { data, tree, diagnostics };
}

/**
 * Reads top-level `key: value` lines of front matter that is not valid YAML (often an unquoted
 * `title: ADR002: Use X`), so one bad character does not lose the title or status.
 */
function readSimpleLines(frontMatter: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of frontMatter.split('\n')) {
    const match = /^([A-Za-z][\w-]*):[ \t]+(.+?)\s*$/.exec(line);
    if (!match || /^[[{|>&*!]/.test(match[2]!)) continue;
    data[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return data;
}

/**
 * Hugo sites link with shortcodes, `[text]({{< ref "0003-x.md" >}})`, which Markdown does not
 * read as a link (the destination has spaces). Rewrite them as links to the file, on the same
 * line, so positions stay right.
 */
function withShortcodeLinksAsUrls(markdown: string): string {
  return markdown.replace(/\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+"([^"\n]+)"\s*[>%]\}\}\s*\)/g, (_match, target: string) => `](<${target}>)`);
}

/**
 * `##\u00A0Title` (a no-break space, typed with Option+Space on a Mac) is not a heading in
 * CommonMark, though every author who wrote it meant one. Same length, so positions stay right.
 */
function withPlainHeadingSpaces(markdown: string): string {
  return markdown.replace(/^( {0,3}#{1,6})\u00A0/gm, '$1 ');
}
