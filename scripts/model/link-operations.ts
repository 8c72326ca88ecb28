import path from 'node:path';
import { safeDecode } from '../sources/shared/safe-decode.ts';
import { slug } from 'github-slugger';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { unwrapShortcodeLink } from '../sources/markdown/shortcode-link.ts';
import { documentName } from '../sources/shared/file-slug.ts';
import type { Alert } from './schemas/alert.ts';
import type { Runbook } from './schemas/runbook.ts';

export interface OperationsContext {
  /** `runbooks.urlPattern` with `{slug}`, or null. */
  urlPattern: string | null;
  /** The service repository's web URL, for runbook URLs that point into the repo. */
  repoUrl: string | null;
}

/**
 * Links alerts and runbooks: each alert to the runbook its `runbook_url` points at (by the
 * configured URL pattern, a path in this repo, or the URL's last segment), else to a runbook
 * covering it by name; each runbook lists the alerts that reach it. Alerts with no runbook, and
 * runbook URLs that point at nothing, are reported. Alert ids are made unique.
 */
export function linkOperations(alerts: readonly Alert[], runbooks: readonly Runbook[], context: OperationsContext): { alerts: Alert[]; runbooks: Runbook[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(runbooks.map((runbook) => [runbook.id.toLowerCase(), runbook]));
  const byName = new Map(runbooks.map((runbook) => [documentName(runbook.source.path).toLowerCase(), runbook]));
  const byPath = new Map(runbooks.map((runbook) => [runbook.source.path, runbook]));
  const byAlert = new Map<string, Runbook>();
  for (const runbook of runbooks) for (const name of runbook.alerts) if (!byAlert.has(name.toLowerCase())) byAlert.set(name.toLowerCase(), runbook);
  const pattern = context.urlPattern ? patternToRegExp(context.urlPattern) : null;
  const prefix = context.urlPattern ? context.urlPattern.slice(0, context.urlPattern.indexOf('{slug}')) : null;

  const findBySlug = (text: string) => {
    const key = safeDecode(text).replace(/\.(html|htm|md|mdx|markdown)$/i, '').replace(/\.html$/i, '').toLowerCase();
    return byId.get(key) ?? byName.get(key) ?? byId.get(slug(key)) ?? null;
  };

  const usedIds = new Map<string, number>();
  const danglingUrl = new Set<string>();
  /** Unsafe runbook URLs left out, by the rule's file and line. */
  const unsafeUrl = new Map<string, string>();
  const linked = [...alerts]
    .sort((a, b) => a.source.path.localeCompare(b.source.path) || a.source.line - b.source.line)
    .map((input): Alert => {
      // A `javascript:` or `data:` runbook_url would become a live link on the alerts page.
      const alert = hasUnsafeScheme(input.runbookUrl) ? { ...input, runbookUrl: null } : input;
      if (alert !== input) unsafeUrl.set(`${input.source.path}:${input.source.line}`, input.runbookUrl!);
      const count = usedIds.get(alert.id) ?? 0;
      usedIds.set(alert.id, count + 1);
      const id = count === 0 ? alert.id : `${alert.id}-${count + 1}`;
      const byUrl = alert.runbookUrl ? resolveUrl(alert.runbookUrl, alert.source.path) : null;
      if (byUrl?.notFound) danglingUrl.add(id);
      const named = byAlert.get(alert.name.toLowerCase());
      const sameName = findBySlug(alert.name);
      if (byUrl?.runbook) return { ...alert, id, runbook: byUrl.runbook.id, runbookResolution: 'url' };
      if (named) return { ...alert, id, runbook: named.id, runbookResolution: 'front-matter' };
      if (sameName) return { ...alert, id, runbook: sameName.id, runbookResolution: 'name' };
      return { ...alert, id, runbook: null, runbookResolution: byUrl?.notFound ? 'not-found' : alert.runbookUrl ? 'external' : 'none' };
    });

  const names = new Map<string, Alert[]>();
  for (const alert of linked) names.set(alert.name, [...(names.get(alert.name) ?? []), alert]);
  for (const alert of linked) {
    const at = { file: alert.source.path, line: alert.source.line };
    const unsafe = unsafeUrl.get(`${alert.source.path}:${alert.source.line}`);
    if (unsafe !== undefined) {
      diagnostics.push(createDiagnostic(at, {
        severity: 'warning',
        code: 'alert/unsafe-runbook-url',
        message: `Alert ${alert.name} has a \`runbook_url\` that is not a web address (${JSON.stringify(unsafe.slice(0, 60))}), so it is not linked.`,
        hint: 'Use an https:// URL, or a path to the runbook in this repository.',
      }));
    } else if (alert.runbookResolution === 'none') {
      diagnostics.push(createDiagnostic(at, {
        severity: 'warning',
        code: 'alert/no-runbook',
        message: `Alert ${alert.name} has no runbook: no \`runbook_url\` annotation, and no runbook is named after it.`,
        hint: `Write a runbook (e.g. docs/runbooks/${alert.name}.md) and add \`runbook_url\` to the rule's annotations.`,
      }));
    }
    if (danglingUrl.has(alert.id)) {
      diagnostics.push(createDiagnostic(at, {
        severity: 'warning',
        code: 'alert/runbook-not-found',
        message: `Alert ${alert.name} links to the runbook ${alert.runbookUrl}, which does not exist in this repository${alert.runbook ? ` (its runbook was found by name: ${alert.runbook})` : ''}.`,
        hint: 'Correct the `runbook_url` annotation, or add the runbook it names.',
      }));
    }
    const same = names.get(alert.name)!;
    if (same.length > 1 && same[0] === alert) {
      diagnostics.push(createDiagnostic(at, {
        severity: 'info',
        code: 'alert/duplicate-name',
        message: `Alert name ${alert.name} is used by ${same.length} rules (${[...new Set(same.map((other) => `${other.source.path}:${other.source.line}`))].join(', ')}).`,
        hint: 'Fine for per-environment variants; otherwise give each rule its own name so pages and silences can tell them apart.',
      }));
    }
  }

  const alertsByRunbook = new Map<string, string[]>();
  for (const alert of linked) if (alert.runbook) alertsByRunbook.set(alert.runbook, [...(alertsByRunbook.get(alert.runbook) ?? []), alert.name]);
  const linkedRunbooks = runbooks.map((runbook) => ({ ...runbook, alerts: [...new Set([...runbook.alerts, ...(alertsByRunbook.get(runbook.id) ?? [])])].sort() }));
  return { alerts: linked, runbooks: linkedRunbooks, diagnostics };

  /** A runbook for a URL, or `notFound` when the URL is one of ours but names no runbook. */
  function resolveUrl(written: string, fromFile: string): { runbook: Runbook | null; notFound: boolean } {
    const url = unwrapShortcodeLink(written).trim().replace(/[?#].*$/, '');
    if (pattern && prefix) {
      const match = pattern.exec(url);
      if (match) return { runbook: findBySlug(match[1]!), notFound: !findBySlug(match[1]!) };
      if (url.startsWith(prefix)) {
        const found = findBySlug(url.slice(prefix.length).split('/').pop() ?? '');
        return { runbook: found, notFound: !found };
      }
    }
    const repoPath = pathInRepo(url, fromFile);
    if (repoPath !== null) {
      const found = byPath.get(repoPath) ?? findBySlug(repoPath.split('/').pop() ?? '');
      return { runbook: found, notFound: !found };
    }
    const last = url.replace(/\/+$/, '').split('/').pop() ?? '';
    return { runbook: last ? findBySlug(last) : null, notFound: false };
  }

  /** The repo path a URL points at: relative, or the repo's own web URL (`/blob/<ref>/...`). */
  function pathInRepo(url: string, fromFile: string): string | null {
    if (url.startsWith('/')) return path.posix.normalize(url.slice(1));
    if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), safeDecode(url)));
    if (context.repoUrl && url.startsWith(`${context.repoUrl}/`)) {
      const match = /^\/(?:-\/)?(?:blob|tree|raw)\/[^/]+\/(.+)$/.exec(url.slice(context.repoUrl.length));
      return match ? safeDecode(match[1]!) : null;
    }
    return null;
  }
}

function patternToRegExp(urlPattern: string): RegExp {
  const [before, after] = urlPattern.split('{slug}') as [string, string];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The published extension may differ from the pattern's (`.md` where the site used `.html`).
  const ending = escape(after).replace(/\\\.(html?|md)$/, '(?:\\.(?:html?|md))?');
  return new RegExp(`^${escape(before)}([^/?#]+?)${ending}$`);
}

/** True for a URL with a scheme other than http(s): `javascript:`, `data:`, `vbscript:`... */
function hasUnsafeScheme(url: string | null): boolean {
  if (!url) return false;
  // Browsers ignore whitespace and control characters inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020]/g, '');
  return /^[a-z][a-z0-9+.-]*:/i.test(compact) && !/^https?:/i.test(compact);
}
