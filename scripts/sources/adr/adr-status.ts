import type { AdrStatus } from '../../model/schemas/adr.ts';

/** Words teams use for each status, matched against the first word of the status text. */
const STATUS_WORDS: Record<string, AdrStatus> = {
  draft: 'draft', wip: 'draft',
  proposed: 'proposed', proposal: 'proposed', pending: 'proposed', open: 'proposed', review: 'proposed',
  reviewing: 'proposed', 'in-review': 'proposed', discussing: 'proposed', suggested: 'proposed',
  accepted: 'accepted', approved: 'accepted', agreed: 'accepted', adopted: 'accepted', decided: 'accepted',
  done: 'accepted', implemented: 'accepted', active: 'accepted', complete: 'accepted', completed: 'accepted', final: 'accepted',
  rejected: 'rejected', declined: 'rejected', abandoned: 'rejected', withdrawn: 'rejected', discarded: 'rejected', refused: 'rejected',
  deprecated: 'deprecated', retired: 'deprecated', obsolete: 'deprecated', obsoleted: 'deprecated', archived: 'deprecated',
  superseded: 'superseded', superceded: 'superseded', replaced: 'superseded',
};

/** Emoji some teams put before (or instead of) the status word. */
const STATUS_EMOJI: Record<string, AdrStatus> = {
  '✅': 'accepted', '✔': 'accepted', '❌': 'rejected', '✖': 'rejected', '🤔': 'proposed', '⌛': 'superseded', '⏳': 'proposed',
};

/**
 * Normalises a status as written ("✅ Accepted", "Superseded by [5](..)", "`Approved`.") to one
 * of the known statuses, or null when it names none. Never guesses a default.
 */
export function normaliseAdrStatus(written: string): AdrStatus | null {
  // A template placeholder offers the choices rather than making one: {proposed | accepted}.
  if (/^\s*[{[(<]?[^|]*\|/.test(written) && written.split('|').length > 2) return null;
  // ...or lists two of them: "Accepted or Rejected".
  if (/^\W*[a-z]+\s+or\s+[a-z]+\W*$/i.test(written)) return null;
  const text = written.replace(/[\uFE0F`*_>"']/g, ' ').trim().toLowerCase();
  const word = /[a-z][a-z-]*/.exec(text)?.[0];
  // A partly superseded decision still stands for the rest of what it decided.
  if (word === 'partly' || word === 'partially') return /supers|supercede/.test(text) ? 'accepted' : null;
  if (word === 'in' && /^in[\s-]+(review|discussion|progress)/.test(text)) return 'proposed';
  if (word === 'under' && /^under[\s-]+(review|discussion|consideration)/.test(text)) return 'proposed';
  if (word === 'not' && /^not\s+accepted/.test(text)) return 'rejected';
  if (word && STATUS_WORDS[word]) return STATUS_WORDS[word];
  for (const [emoji, status] of Object.entries(STATUS_EMOJI)) if (text.startsWith(emoji)) return status;
  return null;
}
