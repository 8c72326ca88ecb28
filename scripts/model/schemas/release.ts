import { z } from 'zod';
import { MarkdownBodySchema, SourceLocationSchema } from './common.ts';

/** Where the built release's version came from: a git tag at HEAD, package.json, or nowhere. */
export const ReleaseVersionSourceSchema = z.enum(['tag', 'package', 'none']);
export type ReleaseVersionSource = z.infer<typeof ReleaseVersionSourceSchema>;

/** The release a site was built from, stamped on every page. */
export const ReleaseSchema = z.object({
  kind: z.literal('release'),
  id: z.literal('release'),
  /** The version without a leading `v` (`1.1.0` for the tag `v1.1.0`), or null when unknown. */
  version: z.string().nullable(),
  /** Where `version` came from (not `source`: elsewhere in the model that is a file location). */
  versionSource: ReleaseVersionSourceSchema,
  /** The git tag at HEAD as written (`v1.1.0`), or null. */
  tag: z.string().nullable(),
  /** Full SHA of the commit built, or null without git history. */
  commit: z.string().nullable(),
  /** The first 7 characters of `commit`, or null. */
  shortCommit: z.string().nullable(),
  /** ISO date of the commit built (committer date), else the build's date: never the clock. */
  date: z.string(),
  /** `commit` when `date` is the commit's date, `build` when it is the build's date. */
  dateSource: z.enum(['commit', 'build']),
});
export type Release = z.infer<typeof ReleaseSchema>;

/** One headed part of a release's notes (`### Fixed`), or the text under the release heading. */
export const ReleaseSectionSchema = z.object({
  /** The subsection heading as text (`Bug Fixes`), or null for text before any subsection. */
  title: z.string().nullable(),
  /** The section's Markdown, with link references resolved to links. */
  body: MarkdownBodySchema,
});
export type ReleaseSection = z.infer<typeof ReleaseSectionSchema>;

/** One release in the history: from the changelog, or from a git tag and its commit subjects. */
export const ReleaseNotesSchema = z.object({
  kind: z.literal('release-notes'),
  /** The version, slugified (`1-2-0`, `unreleased`), unique in the history. */
  id: z.string(),
  /** The version as written without a leading `v`, or `Unreleased`. */
  version: z.string(),
  unreleased: z.boolean(),
  /** ISO release date, or null when the changelog gives none. */
  date: z.string().nullable(),
  /** The link on the release heading (a compare or tag page), or null. */
  url: z.string().nullable(),
  /** Marked `[YANKED]` in the changelog. */
  yanked: z.boolean(),
  sections: z.array(ReleaseSectionSchema),
  /** `changelog` when read from CHANGELOG.md (or similar), `git-tags` when made from tags. */
  origin: z.enum(['changelog', 'git-tags']),
  /** The git tag, for releases made from tags. */
  tag: z.string().nullable(),
  /** The release heading in the changelog, or null for releases made from tags. */
  source: SourceLocationSchema.nullable(),
});
export type ReleaseNotes = z.infer<typeof ReleaseNotesSchema>;
