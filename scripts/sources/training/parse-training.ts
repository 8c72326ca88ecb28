import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { TrainingModule } from '../../model/schemas/training.ts';
import { frontMatterList, frontMatterText } from '../markdown/front-matter-values.ts';
import { boundPrefixes, limitNesting } from '../markdown/limit-nesting.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { fileSlug } from '../shared/file-slug.ts';
import type { ParseResult, SourceText } from '../types.ts';

/** Training modules may use directives (`:::quiz`, `:::exercise`), so they get their own parser. */
const trainingParser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** The directives a module can use; others are reported and shown as plain content. */
export const TRAINING_DIRECTIVES = new Set(['quiz', 'exercise', 'answer', 'objectives', 'checklist', 'note']);

/** Parses Markdown with training directives (front matter handled as everywhere else). */
export function parseTrainingMarkdown(text: string, file: string): { data: Record<string, unknown>; tree: Root; diagnostics: Diagnostic[] } {
  const { data, diagnostics } = parseMarkdown(text, file);
  // Same blanking of front matter as parseMarkdown, so positions are file positions.
  const body = /^---[ \t]*\n/.test(text) && text.indexOf('\n---', 3) !== -1 ? text.slice(0, text.indexOf('\n---', 3) + 4).replace(/[^\n]/g, '') + text.slice(text.indexOf('\n---', 3) + 4) : text;
  const tree = trainingParser.parse(boundPrefixes(body));
  // parseMarkdown above already reported the depth of the same text; this only limits it.
  limitNesting(tree, file);
  onlyBlockDirectives(tree, body);
  return { data, tree, diagnostics };
}

/**
 * Only `:::name` blocks are directives in a training module: `:name` inside text is too easily
 * ordinary prose ("at 14:10"), so text and leaf directives go back to being the text they were
 * written as.
 */
function onlyBlockDirectives(tree: Root, text: string): void {
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'textDirective' && node.type !== 'leafDirective') || !parent || index === undefined) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start !== undefined && end !== undefined ? text.slice(start, end) : `:${node.name}`;
    parent.children.splice(index, 1, (node.type === 'leafDirective' ? { type: 'paragraph', children: [{ type: 'text', value }] } : { type: 'text', value }) as never);
  });
}

/**
 * Parses a module Handover generated (model/generate-training.ts) with satteri (ADR 19), which
 * reads directives too: the same tree as parseTrainingMarkdown's, positions included, 30-60 times
 * faster, and the on-call module lists every alert (70 KB of Markdown at 1,000 documents).
 * Authored modules keep the reference parser, whose trees are also the reference for directives.
 */
export function parseGeneratedTraining(markdown: string, file: string): { tree: Root } {
  const text = boundPrefixes(markdown);
  let tree: Root;
  try {
    tree = markdownToMdast(text, { features: { gfm: true, frontmatter: false, directive: true } }) as Root;
  } catch {
    // Nested too deep for satteri's tree builder.
    return parseTrainingMarkdown(markdown, file);
  }
  limitNesting(tree, file);
  onlyBlockDirectives(tree, text);
  return { tree };
}

/** Parses one authored training module and checks its quizzes. */
export function parseTrainingModule(file: SourceText): ParseResult<TrainingModule> {
  const { data, tree, diagnostics } = parseTrainingMarkdown(file.text, file.path);
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const title = frontMatterText(data.title) ?? (heading ? toString(heading).trim() : null);
  if (!title) {
    diagnostics.push(createDiagnostic({ file: file.path, line: 1 }, { severity: 'warning', code: 'training/missing-title', message: 'This training module has no `title` in its front matter and no `# Title` heading, so its file name is used.', hint: 'Add `title:` to the front matter.' }));
  }
  let quizzes = 0;
  let exercises = 0;
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
    const line = node.position?.start.line ?? null;
    if (!TRAINING_DIRECTIVES.has(node.name)) {
      diagnostics.push(createDiagnostic({ file: file.path, line }, { severity: 'warning', code: 'training/unknown-directive', message: `The directive "${node.name}" is not one Handover knows; its content is shown as it is.`, hint: `Use one of: ${[...TRAINING_DIRECTIVES].join(', ')}.` }));
      return;
    }
    if (node.name === 'exercise') exercises += 1;
    if (node.name === 'quiz') {
      quizzes += 1;
      const options = node.children.filter((child) => child.type === 'list').flatMap((list) => (list.type === 'list' ? list.children : []));
      if (options.length === 0 || !options.some((option) => option.checked === true)) {
        diagnostics.push(createDiagnostic({ file: file.path, line }, {
          severity: 'warning',
          code: options.length === 0 ? 'training/quiz-without-options' : 'training/quiz-without-answer',
          message: options.length === 0 ? 'This quiz has no answer options.' : 'This quiz marks no option as correct, so no answer can be right.',
          hint: 'List the options as a task list, and tick the correct ones: `- [x] Right answer` / `- [ ] Wrong answer`.',
        }));
      }
    }
  });
  const duration = frontMatterText(data.duration);
  return {
    records: [{
      kind: 'training-module',
      id: fileSlug(file.path, 'module'),
      title: title ?? fileSlug(file.path, 'module'),
      order: typeof data.order === 'number' ? data.order : null,
      duration,
      minutes: duration ? durationMinutes(duration) : null,
      audience: frontMatterText(data.audience),
      objectives: frontMatterList(data.objectives),
      prerequisites: frontMatterList(data.prerequisites),
      generated: false,
      quizzes,
      exercises,
      source: { path: file.path, line: heading?.position?.start.line ?? 1 },
      body: { type: 'root', children: tree.children.filter((node) => node !== heading) },
    }],
    diagnostics,
  };
}

/** `45m`, `1h 30m`, `90 minutes`, `1.5 hours` -> minutes; null when unreadable. */
export function durationMinutes(duration: string): number | null {
  let minutes = 0;
  let matched = false;
  for (const match of duration.matchAll(/(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?)\b/gi)) {
    matched = true;
    minutes += Number(match[1]) * (/^h/i.test(match[2]!) ? 60 : 1);
  }
  return matched ? Math.round(minutes) : null;
}


