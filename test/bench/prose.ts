// Deterministic, plausible prose for synthetic service repos: seeded, so every run of the
// benchmark builds the same bytes and figures from different runs compare like with like.

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

export interface Random {
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

const SUBJECTS = ['the applications API', 'the evidence store', 'the assessor console', 'the notification worker', 'the council directory', 'the payment adapter', 'the badge printer feed', 'the session store', 'the audit log', 'the eligibility engine', 'the reporting job', 'the search index', 'the upload scanner', 'the identity gateway', 'the case queue'];
const VERBS = ['reads from', 'writes to', 'calls', 'retries against', 'caches', 'publishes events to', 'depends on', 'throttles', 'validates', 'replicates', 'backs up', 'monitors', 'signs requests to', 'batches work for'];
const OBJECTS = ['PostgreSQL', 'the SQS queue', 'GOV.UK Notify', 'the S3 bucket', 'the card supplier', 'the shared event bus', 'Redis', 'the council gateway', 'the platform Prometheus', 'the object lock store', 'the legacy mainframe export', 'the CDN'];
const CLAUSES = ['during peak hours', 'after each deployment', 'when a council onboards', 'under the current contract', 'within the agreed service level', 'for every new application', 'before the nightly export', 'while the incident is open', 'unless the circuit breaker is open', 'as the runbook describes', 'at the start of each quarter', 'for applicants without an email address'];
const OPENERS = ['In practice', 'Since public beta', 'As a result', 'For now', 'In the last year', 'According to the dashboards', 'In our experience', 'By design', 'At the moment', 'Historically'];

/** One sentence of 12-25 words about the service. */
export function sentence(random: Random): string {
  const parts = [
    random.next() < 0.4 ? `${random.pick(OPENERS)}, ${random.pick(SUBJECTS)}` : capitalise(random.pick(SUBJECTS)),
    random.pick(VERBS),
    random.pick(OBJECTS),
    random.pick(CLAUSES),
  ];
  if (random.next() < 0.5) parts.push(`and ${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)}`);
  return `${parts.join(' ')}.`;
}

/** A paragraph of about `words` words. */
export function paragraph(random: Random, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const next = sentence(random);
    sentences.push(next);
    count += next.split(' ').length;
  }
  return sentences.join(' ');
}

/** A bullet list of `items` short points. */
export function bullets(random: Random, items: number): string {
  return Array.from({ length: items }, () => `- ${sentence(random)}`).join('\n');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title-like phrase: "Queue evidence scanning with SQS 42". */
export function title(random: Random, index: number): string {
  const verb = random.pick(['Use', 'Adopt', 'Replace', 'Queue', 'Cache', 'Split', 'Retire', 'Version', 'Encrypt', 'Publish', 'Batch', 'Throttle']);
  return `${verb} ${random.pick(SUBJECTS).replace(/^the /, '')} with ${random.pick(OBJECTS).replace(/^the /, '')} (${index})`;
}

/** A kebab-case slug of a title. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** An ISO date between 2019 and 2026, from the random stream. */
export function isoDate(random: Random): string {
  const year = random.int(2019, 2026);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Counts the words of a Markdown text (roughly: whitespace-separated tokens). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
