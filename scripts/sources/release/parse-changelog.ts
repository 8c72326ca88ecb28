import type { Definition, Heading, Link, Nodes, Parent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ReleaseNotes } from '../../model/schemas/release.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import type { ParseResult, SourceText } from '../types.ts';
import { readReleaseHeading, type ReleaseHeading } from './release-heading.ts';
import { compareVersions } from './version-text.ts';
import { cloneTree } from '../markdown/clone-tree.ts';

const HINT = 'Write one heading per release, as Keep a Changelog does: `## [1.2.0] - 2026-01-05`, with `### Added`, `### Fixed`... under it (see https://keepachangelog.com).';

/**
 * Reads a changelog (Keep a Changelog, conventional-changelog/release-please, changesets, and the
 * `1.2.0 / date` style) into releases, newest first. A release heading is a heading of level 1-3
 * naming a version; other headings under it are its sections.
 */
export function parseChangelog(file: SourceText): ParseResult<ReleaseNotes> {
  const { tree, diagnostics } = parseMarkdown(file.text, file.path);
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node));
  const releases: ReleaseNotes[] = [];
  let current: { notes: ReleaseNotes; depth: number; sectionDepth: number | null } | null = null;
  const section = () => current!.notes.sections.at(-1)!;
  for (const node of tree.children) {
    if (node.type === 'definition') continue;
    const heading = node.type === 'heading' && node.depth <= 3 ? readReleaseHeading(toString(node)) : null;
    if (node.type === 'heading' && heading) {
      current = { notes: releaseNotes(node, heading, file.path, definitions), depth: node.depth, sectionDepth: null };
      releases.push(current.notes);
      if (heading.unreadableDate) diagnostics.push(unreadableDate(file.path, node, heading));
      continue;
    }
    if (!current) continue;
    // release-please writes patch releases as `### [1.5.1]`, with `### Bug Fixes` beside them.
    if (node.type === 'heading' && (node.depth > current.depth || node.depth >= 3)) {
      if (current.sectionDepth === null || node.depth <= current.sectionDepth) {
        current.sectionDepth = node.depth;
        current.notes.sections.push({ title: toString(node).trim(), body: { type: 'root', children: [] } });
        continue;
      }
    } else if (node.type === 'heading') {
      // Year headings grouping releases (`## 2024`) end a release without being a mistake.
      if (!/^\d{4}$/.test(toString(node).trim())) diagnostics.push(createDiagnostic({ file: file.path, line: node.position?.start.line ?? null }, {
        severity: 'warning',
        code: 'release/unrecognised-heading',
        message: `The heading "${toString(node).trim()}" is where a release heading would be, but names no version; what follows it is left off the releases page.`,
        hint: HINT,
      }));
      current = null;
      continue;
    }
    if (current.notes.sections.length === 0) current.notes.sections.push({ title: null, body: { type: 'root', children: [] } });
    section().body.children.push(withLinksResolved(node, definitions));
  }
  if (releases.length === 0) {
    diagnostics.push(createDiagnostic({ file: file.path, line: 1 }, {
      severity: 'warning',
      code: 'release/no-releases-in-changelog',
      message: 'No release headings were found in the changelog, so the releases page lists git tags instead (or nothing).',
      hint: HINT,
    }));
    return { records: [], diagnostics, skipped: 'no release headings found' };
  }
  return { records: uniqueIds(newestFirst(releases), file.path, diagnostics), diagnostics };
}

function releaseNotes(node: Heading, heading: ReleaseHeading, path: string, definitions: ReadonlyMap<string, Definition>): ReleaseNotes {
  let url: string | null = null;
  visit(node, (child) => {
    if (url === null && child.type === 'link') url = child.url;
    if (url === null && child.type === 'linkReference') url = definitions.get(child.identifier)?.url ?? null;
  });
  return {
    kind: 'release-notes', id: '', version: heading.version, unreleased: heading.unreleased, date: heading.date, url, yanked: heading.yanked,
    sections: [], origin: 'changelog', tag: null, source: { path, line: node.position?.start.line ?? 1 },
  };
}

/** A copy of a node with `[text][ref]` links and images turned into inline ones. */
function withLinksResolved(node: RootContent, definitions: ReadonlyMap<string, Definition>): RootContent {
  const copy = cloneTree(node);
  visit(copy as Nodes, (child: Nodes, index: number | undefined, parent: Parent | undefined) => {
    if (!parent || index === undefined) return undefined;
    if (child.type === 'linkReference' || child.type === 'imageReference') {
      const definition = definitions.get(child.identifier);
      const replacement = !definition
        ? { type: 'text' as const, value: toString(child) }
        : child.type === 'linkReference'
          ? ({ type: 'link', url: definition.url, title: definition.title ?? null, children: child.children, position: child.position } satisfies Link)
          : { type: 'image' as const, url: definition.url, title: definition.title ?? null, alt: child.alt, position: child.position };
      parent.children.splice(index, 1, replacement as never);
      return [SKIP, index + 1];
    }
    return undefined;
  });
  // A heading inside a section must not outrank the release and section headings of the page.
  visit(copy as Nodes, 'heading', (heading: Heading) => void (heading.depth = Math.max(heading.depth, 4) as Heading['depth']));
  return copy;
}

/** Unreleased first, then newest first: a changelog written oldest first is turned round. */
function newestFirst(releases: ReleaseNotes[]): ReleaseNotes[] {
  const unreleased = releases.filter((release) => release.unreleased);
  const released = releases.filter((release) => !release.unreleased);
  const [first, last] = [released[0], released.at(-1)];
  const ascending = first && last && first !== last && (first.date && last.date ? first.date < last.date : compareVersions(first.version, last.version) < 0);
  return [...unreleased, ...(ascending ? released.reverse() : released)];
}

function uniqueIds(releases: ReleaseNotes[], path: string, diagnostics: Diagnostic[]): ReleaseNotes[] {
  const seen = new Map<string, number>();
  return releases.map((release) => {
    const base = release.version.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'release';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    if (count > 1 && !release.unreleased) {
      diagnostics.push(createDiagnostic({ file: path, line: release.source?.line ?? null }, {
        severity: 'warning',
        code: 'release/duplicate-version',
        message: `Version ${release.version} has more than one heading in the changelog; both are listed.`,
        hint: 'Merge the two entries, or correct the version of one of them.',
      }));
    }
    return { ...release, id: count > 1 ? `${base}-${count}` : base };
  });
}

function unreadableDate(path: string, node: Heading, heading: ReleaseHeading): Diagnostic {
  return createDiagnostic({ file: path, line: node.position?.start.line ?? null }, {
    severity: 'info',
    code: 'release/unreadable-date',
    message: `The date "${heading.unreadableDate}" of release ${heading.version} is not a date Handover can read, so the release is listed without one.`,
    hint: 'Write the date as YYYY-MM-DD, e.g. `## [1.2.0] - 2026-01-05`.',
  });
}
