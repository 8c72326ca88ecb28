import type { RepoListing } from './shared/repo-files.ts';
import type { HandoverConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** A file handed to a source's parser: its repo-relative POSIX path and its text. */
export interface SourceText {
  path: string;
  text: string;
}

/** What a source made of one file. */
export interface ParseResult<TRecord> {
  records: TRecord[];
  diagnostics: Diagnostic[];
  /** Set when the file was looked at and deliberately not turned into a record. */
  skipped?: string;
}

/** What every source knows about the repo while discovering and parsing. */
export interface SourceContext {
  /** Absolute path of the service repo root. */
  repoRoot: string;
  config: HandoverConfig;
  /** While parsing: every path this source discovered, for rules that depend on neighbours. */
  discovered?: ReadonlySet<string>;
  /** The build's listing of the repository, shared by every scan of it (default: one per scan). */
  listing?: RepoListing;
}

/**
 * One kind of input (ADRs, runbooks, the service's README...). Discovery does the I/O of finding
 * files; parsing is pure, so it can be tested on real files without building a site.
 */
export interface Source<TRecord> {
  /** The kind of record this source makes, e.g. `adr`. */
  kind: string;
  /** Files it cannot read (binary, huge) are skipped with a note rather than reported as errors. */
  lenient?: boolean;
  /** Only the files' existence matters (a PDF threat model): they are not read, and parse gets ''. */
  presenceOnly?: boolean;
  /** Finds the files this source reads, as sorted repo-relative POSIX paths. */
  discover(context: SourceContext): Promise<string[]>;
  /** Turns one file into records and diagnostics; never throws on bad input. */
  parse(file: SourceText, context: SourceContext): ParseResult<TRecord>;
}
