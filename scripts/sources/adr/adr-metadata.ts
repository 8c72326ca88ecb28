import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AdrReference, AdrRelation } from '../../model/schemas/adr.ts';

/** Metadata written in an ADR's body, in whichever of the common layouts the file uses. */
export interface BodyMetadata {
  statusText: string | null;
  statusLine: number | null;
  dateText: string | null;
  deciders: string[];
  consulted: string[];
  informed: string[];
  tags: string[];
  references: AdrReference[];
}

/** Phrases that introduce a link to another ADR, longest first so "superseded by" wins over "supersedes". */
const RELATION_PHRASES: [RegExp, AdrRelation][] = [
  [/super[sc]e+ded\s+(in\s+part\s+)?by\s*:?\s*$/i, 'supersededBy'],
  [/super[sc]e+ded\s*:?\s*$/i, 'supersededBy'],
  [/(in\s+part\s+)?super[sc]e+des(\s+(some|parts?|aspects?|of|the)){0,4}\s*:?\s*$/i, 'supersedes'],
  [/amended\s+by\s*:?\s*$/i, 'amendedBy'],
  [/clarified\s+by\s*:?\s*$/i, 'amendedBy'],
  [/amends\s*:?\s*$/i, 'amends'],
  [/clarifies\s*:?\s*$/i, 'amends'],
];

const RELATION_WORDS = String.raw`((?:in\s+part\s+)?super[sc]e+d(?:es|ed)(?:\s+(?:in\s+part\s+)?by)?|amend(?:s|ed\s+by)|clarifie(?:s|d\s+by))\s*:?\s*`;
const STATUS_MENTION = new RegExp(`${RELATION_WORDS}\\[?(?:adr[\\s-]*)?#?(\\d+)`, 'gi');
const PROSE_MENTION = new RegExp(`${RELATION_WORDS}\\[?adr[\\s-]*#?(\\d+)`, 'gi');

const FIELD_PATTERN = /^\s*(status|date|created|decided|deciders|decision[- ]makers?|consulted|informed|tags|technical story)\s*:\s*(.*)$/i;

/** Reads status, date, people, tags and ADR links from the body of an ADR (below its title). */
export function readBodyMetadata(tree: Root, title?: Heading): BodyMetadata {
  const metadata: BodyMetadata = { statusText: null, statusLine: null, dateText: null, deciders: [], consulted: [], informed: [], tags: [], references: [] };
  const children = tree.children;
  // `Field: value` lines count only in the preamble, before the first section heading, where
  // Nygard (`Date:`), MADR 2 (`* Status:`) and log4brains (`- Status:`) put them.
  let inPreamble = true;
  const statusNodes = new Set<RootContent>();
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index]!;
    if (node.type === 'heading' && node.depth <= 3 && /^status\s*:?$/i.test(toString(node).trim())) {
      const section = sectionAfter(children, index);
      readStatusSection(section, metadata);
      for (const child of section) statusNodes.add(child);
    }
    if (node.type === 'heading' && node.depth >= 2 && node !== title) inPreamble = false;
    if (inPreamble && (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote' || node.type === 'table')) {
      for (const line of fieldLines(node)) applyField(line, metadata);
      // "Supersedes [2. ...](0002-...md)" under the title (MADR) or in a `* Status:` bullet.
      metadata.references.push(...findReferences(node, false));
    } else if (!statusNodes.has(node) && node.type !== 'code') {
      metadata.references.push(...findReferences(node, true));
    }
  }
  return metadata;
}

/** The nodes between a heading and the next heading of the same or higher level. */
function sectionAfter(children: RootContent[], headingIndex: number): RootContent[] {
  const depth = (children[headingIndex] as Heading).depth;
  const section: RootContent[] = [];
  for (const node of children.slice(headingIndex + 1)) {
    if (node.type === 'heading' && node.depth <= depth) break;
    section.push(node);
  }
  return section;
}

function readStatusSection(section: RootContent[], metadata: BodyMetadata): void {
  for (const node of section) {
    if (node.type === 'html' || node.type === 'code') continue;
    const text = toString(node).trim();
    if (!text) continue;
    if (metadata.statusText === null) {
      metadata.statusText = text.split('\n')[0]!.trim();
      metadata.statusLine = node.position?.start.line ?? null;
    }
    metadata.references.push(...findReferences(node, false));
  }
}

interface FieldLine {
  text: string;
  line: number;
}

/** Lines shaped `Field: value` in a paragraph, a list (MADR 2, log4brains) or a blockquote. */
function fieldLines(node: Paragraph | List | RootContent): FieldLine[] {
  if (node.type === 'list' || node.type === 'blockquote') {
    return node.children.flatMap((child) => (child.type === 'listItem' ? child.children : [child])).flatMap((child) => fieldLines(child));
  }
  if (node.type === 'table') {
    const cells = node.children.map((row) => row.children.map((cell) => toString(cell).trim()));
    const isField = (text: string | undefined) => FIELD_PATTERN.test(`${text ?? ''}: x`);
    // Fields as columns: | Created | Status | over | 2020-05-17 | Open |
    if (cells.length >= 2 && cells[0]!.length > 1 && cells[0]!.every(isField)) {
      return cells[0]!.map((key, column) => ({ text: `${key}: ${cells[1]![column] ?? ''}`, line: node.children[1]!.position?.start.line ?? 1 }));
    }
    // Fields as rows: | Status | Accepted |, under a header row (| Field | Value |) unless it is a field.
    const rows = node.children.filter((row, index) => index > 0 || isField(toString(row.children[0] ?? '')));
    return rows.flatMap((row) => {
      const [key, value] = row.children.map((cell) => toString(cell).trim());
      return key && value !== undefined ? [{ text: `${key.replace(/:$/, '')}: ${value}`, line: row.position?.start.line ?? 1 }] : [];
    });
  }
  if (node.type !== 'paragraph') return [];
  const start = node.position?.start.line ?? 1;
  // `**Status:** Proposed␠␠` + `**Date:** 2026-10-06`: a hard break separates fields too.
  const text = node.children.map((child) => (child.type === 'break' ? '\n' : toString(child))).join('');
  return text.split('\n').map((line, offset) => ({ text: line, line: start + offset }));
}

function applyField({ text, line }: FieldLine, metadata: BodyMetadata): void {
  const match = FIELD_PATTERN.exec(text);
  if (!match) return;
  const field = match[1]!.toLowerCase();
  const value = match[2]!.trim();
  if (field === 'status' && metadata.statusText === null && value) {
    metadata.statusText = value;
    metadata.statusLine = line;
  } else if ((field === 'date' || field === 'decided' || field === 'created') && metadata.dateText === null && value) {
    metadata.dateText = value;
  } else if (field.startsWith('decider') || field.startsWith('decision')) {
    metadata.deciders.push(...splitList(value));
  } else if (field === 'tags') {
    metadata.tags.push(...splitList(value));
  } else if (field === 'consulted' || field === 'informed') {
    metadata[field].push(...splitList(value));
  }
}

/** Fields the ADR page header shows; a preamble block holding only these is not repeated. */
const SHOWN_FIELDS = /^(status|date|deciders|decision[- ]makers|consulted|informed|tags)$/i;

/**
 * True for a preamble paragraph or list made only of fields the page header shows, such as
 * Nygard's `Date: 2024-01-02` line or a MADR 2 `* Status:` / `* Date:` list.
 */
export function isShownMetadataBlock(node: RootContent): boolean {
  if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'table') return false;
  const lines = fieldLines(node);
  return lines.length > 0 && lines.every(({ text }) => SHOWN_FIELDS.test(FIELD_PATTERN.exec(text)?.[1] ?? '') && !/\]\(|\bhttps?:/.test(text));
}

/** Splits "a, b and c" into names. */
export function splitList(value: string): string[] {
  return value.split(/\s*(?:,|;|\band\b)\s*/).map((item) => item.replace(/^[[\]#\s]+|[[\]\s.]+$/g, '')).filter(Boolean);
}

/**
 * Finds "Supersedes [..](..)", "Superseded by ADR-0012" and the like inside one node. In prose,
 * an unlinked mention must say "ADR" ("superseded by ADR 12"), so "superseded by 5 other tools"
 * is not read as a link.
 */
function findReferences(node: RootContent, inProse: boolean): AdrReference[] {
  const references: AdrReference[] = [];
  const paragraphs: Paragraph[] = [];
  const collect = (current: RootContent): void => {
    if (current.type === 'paragraph') paragraphs.push(current);
    else if ('children' in current) for (const child of current.children as RootContent[]) collect(child);
  };
  collect(node);
  const mention = inProse ? PROSE_MENTION : STATUS_MENTION;
  for (const paragraph of paragraphs) {
    let before = '';
    let previous: AdrRelation | null = null;
    const flushText = (text: string, line: number) => {
      // Unlinked mentions: "superseded by ADR-0123", "Supersedes 0019".
      for (const match of text.matchAll(mention)) {
        const relation = relationBefore(match[1]!);
        if (relation) references.push({ relation, href: null, number: Number(match[2]), line, inProse });
      }
    };
    let pending = '';
    let pendingLine = paragraph.position?.start.line ?? 1;
    for (const piece of phrasingPieces(paragraph.children, paragraph.position?.start.line ?? 1)) {
      if (piece.type === 'link') {
        flushText(pending, pendingLine);
        pending = '';
        // "Supersedes [A](..) and [B](..)": a list of links shares the relation before it.
        const relation: AdrRelation | null = relationBefore(before) ?? (previous && /^\s*(,|and|&|,\s*and)\s*$/i.test(before) ? previous : null);
        if (relation) references.push({ relation, href: piece.url, number: numberIn(piece.text), line: piece.line, inProse });
        previous = relation;
        before = '';
      } else {
        if (!pending) pendingLine = piece.line;
        if (!/^\s*(,|and|&|,\s*and)?\s*$/i.test(piece.text)) previous = null;
        pending += piece.text;
        before = (before + piece.text).slice(-80);
      }
    }
    flushText(pending, pendingLine);
  }
  return references;
}

type Piece = { type: 'text'; text: string; line: number } | { type: 'link'; url: string; text: string; line: number };

/** Text and links of inline content in reading order, looking inside emphasis and strong. */
function phrasingPieces(children: PhrasingContent[], fallbackLine: number): Piece[] {
  return children.flatMap((child): Piece[] => {
    const line = child.position?.start.line ?? fallbackLine;
    if (child.type === 'link') return [{ type: 'link', url: child.url, text: toString(child), line }];
    if (child.type === 'strong' || child.type === 'emphasis' || child.type === 'delete') return phrasingPieces(child.children, line);
    return [{ type: 'text', text: toString(child), line }];
  });
}

function relationBefore(text: string): AdrRelation | null {
  for (const [pattern, relation] of RELATION_PHRASES) if (pattern.test(text.trimEnd())) return relation;
  return null;
}

function numberIn(text: string): number | null {
  const match = /(?:^|\D)(\d{1,5})(?:\D|$)/.exec(text);
  return match ? Number(match[1]) : null;
}
