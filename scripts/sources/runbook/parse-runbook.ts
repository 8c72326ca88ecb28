import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { createDiagnostic } from '../../diagnostics/diagnostic.ts';
import type { Runbook } from '../../model/schemas/runbook.ts';
import { frontMatterList, frontMatterText, lowerCaseKeys } from '../markdown/front-matter-values.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { documentName, fileSlug } from '../shared/file-slug.ts';
import { normaliseDate } from '../shared/normalise-date.ts';
import type { ParseResult, SourceText } from '../types.ts';
import { orderSections, sectionOfHeading } from './runbook-sections.ts';

/** A file name that is itself an alert name, by Prometheus convention (`KubePodCrashLooping`, `etcdNoLeader`). */
const ALERT_NAME = /^(?=[A-Za-z][A-Za-z0-9]*$)(?=.*[a-z])(?=.[^A-Z]*[A-Z]).+$/;
/** Links that are dashboards or log searches. */
const DASHBOARD_URL = /grafana|kibana|datadog|dashboards?\b|newrelic|cloudwatch|logit\.io|splunk|honeycomb|lightstep|sentry\.io|app\.signalfx|d\/[a-z0-9]{6,}/i;

/**
 * Parses one runbook. Review dates and owners are read as written; the model later adds the
 * owner from CODEOWNERS, the review date from git, and the review state for the build's date.
 */
export function parseRunbook(file: SourceText): ParseResult<Runbook> {
  const erb = /\.erb$/i.test(file.path);
  const { data: rawData, tree, diagnostics } = parseMarkdown(erb ? withoutErbOnlyLines(file.text) : file.text, file.path);
  const data = lowerCaseKeys(rawData);
  if (tree.children.length === 0 && Object.keys(data).length === 0) return { records: [], diagnostics, skipped: 'empty file' };
  const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1 && toString(node).trim() !== '');
  const name = documentName(file.path);
  // Front matter `title` is the page title on the docs sites runbooks come from (Hugo,
  // Middleman); the H1 is often the alert name or an ERB tag.
  const headingText = heading ? toString(heading).trim() : '';
  const title = frontMatterText(data.title) ?? (headingText || name);
  if (!heading && !frontMatterText(data.title)) {
    diagnostics.push(createDiagnostic({ file: file.path, line: 1 }, {
      severity: 'warning',
      code: 'runbook/missing-title',
      message: 'This runbook has no `# Title` heading or `title` in its front matter, so its file name is used as the title.',
      hint: 'Start the runbook with a level-1 heading naming the alert or the task.',
    }));
  }
  const lastReviewedText = data.last_reviewed_on ?? data.last_reviewed ?? data.lastreviewed ?? data.reviewed ?? data.review_date ?? data.reviewed_on;
  const lastReviewed = lastReviewedText == null ? null : normaliseDate(lastReviewedText);
  if (lastReviewedText != null && !lastReviewed) {
    diagnostics.push(createDiagnostic({ file: file.path, line: 1 }, {
      severity: 'warning',
      code: 'runbook/invalid-date',
      message: `The review date "${String(lastReviewedText)}" is not a date Handover can read.`,
      hint: 'Write it as YYYY-MM-DD, e.g. `last_reviewed_on: 2026-02-18`.',
    }));
  }
  const owner = frontMatterText(data.owner) ?? frontMatterText(data.owner_slack) ?? frontMatterText(data.team) ?? (frontMatterList(data.owners, byComma).join(', ') || null);
  const dueText = data.review_by ?? data.review_due ?? data.next_review ?? data.next_review_on;
  const record: Runbook = {
    kind: 'runbook',
    id: fileSlug(file.path, 'runbook'),
    title,
    summary: summarise(tree),
    alerts: [...new Set([...frontMatterList(data.alerts, byComma), ...frontMatterList(data.alert, byComma), ...frontMatterList(data.alertname, byComma), ...(isAlertName(name, headingText) ? [name] : [])])].sort(),
    owner,
    ownerSource: owner ? 'front-matter' : null,
    lastReviewed,
    lastReviewedSource: lastReviewed ? 'front-matter' : null,
    reviewIn: frontMatterText(data.review_in) ?? frontMatterText(data.review_period) ?? frontMatterText(data.review_every),
    reviewDue: dueText == null ? null : normaliseDate(dueText),
    reviewState: 'unknown',
    dashboards: findDashboards(tree),
    sections: orderSections(tree.children.flatMap((node) => (node.type === 'heading' && node.depth >= 2 && node.depth <= 3 ? [sectionOfHeading(toString(node))] : [])).filter((section) => section !== null)),
    source: { path: file.path, line: heading?.position?.start.line ?? 1 },
    body: { type: 'root', children: tree.children.filter((node) => node !== heading) } satisfies Root,
  };
  return { records: [record], diagnostics };
}

const byComma = (text: string) => text.split(/\s*,\s*/);

/** True when a runbook's file name is an alert name: CamelCase, or one word that is also its H1. */
function isAlertName(name: string, heading: string): boolean {
  return ALERT_NAME.test(name) || (/^[A-Za-z][A-Za-z0-9]*$/.test(name) && heading === name);
}

/**
 * Middleman runbooks open with `# <%= current_page.data.title %>`: a line that is only ERB says
 * nothing to a reader, so it is blanked (keeping line numbers). Other ERB stays, as text.
 */
function withoutErbOnlyLines(markdown: string): string {
  return markdown.replace(/<%#[\s\S]*?%>/g, (comment) => comment.replace(/[^\n]/g, '')).replace(/^(#+\s*)?(<%[\s\S]*?%>\s*)+$/gm, '');
}



/** The first paragraph under Meaning/Overview, else the first paragraph. */
function summarise(tree: Root): string | null {
  const children = tree.children;
  const meaning = children.findIndex((node) => node.type === 'heading' && sectionOfHeading(toString(node)) === 'meaning');
  const firstParagraph = (nodes: RootContent[]) => nodes.find((node) => node.type === 'paragraph' && toString(node).trim());
  const paragraph = (meaning === -1 ? undefined : firstParagraph(children.slice(meaning + 1))) ?? firstParagraph(children);
  if (!paragraph) return null;
  const summary = toString(paragraph).replace(/\s+/g, ' ').trim();
  return summary.length > 280 ? `${summary.slice(0, 277)}...` : summary;
}

/** Links to dashboards and log searches, in order, without repeats. */
function findDashboards(tree: Root): { title: string; url: string }[] {
  const found = new Map<string, string>();
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
    if (!url || !/^https?:/i.test(url) || found.has(url)) return;
    const title = toString(node).trim();
    if (DASHBOARD_URL.test(url) || /dashboard/i.test(title)) found.set(url, title || url);
  });
  return [...found].map(([url, title]) => ({ title, url }));
}
