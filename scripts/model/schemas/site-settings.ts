import { z } from 'zod';
import { AdrSchema } from './adr.ts';
import { AlertSchema } from './alert.ts';
import { ApiModuleSchema } from './api.ts';
import { CodeMarkerSchema, DebtItemSchema } from './debt.ts';
import { RunbookSchema } from './runbook.ts';
import { ServiceSchema } from './service.ts';
import { HandoverSessionSchema } from './session.ts';
import { ReleaseSchema } from './release.ts';
import { TrainingModuleSchema } from './training.ts';

/** `content/site.json`: what the Astro config needs to know about the site being built. */
export const SiteSettingsSchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  repoUrl: z.string().nullable(),
  /** Top-level sections for the sidebar: a link or a group of links each, never one per document. */
  sections: z.array(
    z.union([
      z.object({ label: z.string(), link: z.string() }),
      z.object({ label: z.string(), items: z.array(z.object({ label: z.string(), link: z.string() })) }),
    ]),
  ),
  /** ADR folders found, and every folder looked in (shown when none was found). */
  adr: z.object({ found: z.array(z.string()), searched: z.array(z.string()) }),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/** The ADR fields the site shows in indexes and headers (the body lives in the page). */
export const AdrSummarySchema = AdrSchema.omit({ kind: true, body: true, references: true }).extend({
  /** Web URL of the source file, or null when the repo URL is unknown. */
  sourceUrl: z.string().nullable(),
});
export type AdrSummary = z.infer<typeof AdrSummarySchema>;

/** A diagram Handover generates (e.g. the ADR graph): its Mermaid source and rendered SVG. */
export const GeneratedDiagramSchema = z.object({
  id: z.string(),
  /** Mermaid source, or null when there is nothing to draw. */
  source: z.string().nullable(),
  /** SVG rendered at build time, or null when no Chromium could render it. */
  svg: z.string().nullable(),
  /** How many of the related decisions the diagram draws, of how many (it draws at most MAX_GRAPH_NODES). */
  shown: z.number().int().nonnegative().default(0),
  total: z.number().int().nonnegative().default(0),
});
export type GeneratedDiagram = z.infer<typeof GeneratedDiagramSchema>;

/** A runbook as the site shows it (the body lives in its page). */
export const RunbookSummarySchema = RunbookSchema.omit({ kind: true, body: true }).extend({
  sourceUrl: z.string().nullable(),
});
export type RunbookSummary = z.infer<typeof RunbookSummarySchema>;

/** An alert as the site shows it. */
export const AlertSummarySchema = AlertSchema.omit({ kind: true }).extend({
  sourceUrl: z.string().nullable(),
});
export type AlertSummary = z.infer<typeof AlertSummarySchema>;

/** The service as the site shows it, with the build's date. */
export const ServiceSummarySchema = ServiceSchema.omit({ kind: true, readme: true }).extend({
  today: z.string(),
});
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;

/** A debt item as the site shows it. */
export const DebtSummarySchema = DebtItemSchema.omit({ kind: true, body: true }).extend({
  sourceUrl: z.string().nullable(),
});
export type DebtSummary = z.infer<typeof DebtSummarySchema>;

/** A code marker as the site shows it. */
export const CodeMarkerSummarySchema = CodeMarkerSchema.omit({ kind: true }).extend({
  sourceUrl: z.string().nullable(),
});
export type CodeMarkerSummary = z.infer<typeof CodeMarkerSummarySchema>;

/** An API module as the index shows it: counts and symbol names (the members are on its page). */
export const ApiModuleSummarySchema = ApiModuleSchema.omit({ kind: true, members: true }).extend({
  names: z.array(z.string()),
  undocumented: z.array(z.string()),
});
export type ApiModuleSummary = z.infer<typeof ApiModuleSummarySchema>;

/** A training module as the learning path shows it (the body is its page). */
export const TrainingSummarySchema = TrainingModuleSchema.omit({ kind: true, body: true });
export type TrainingSummary = z.infer<typeof TrainingSummarySchema>;

/** The release built, as the footer of every page shows it. */
export const ReleaseSummarySchema = ReleaseSchema.omit({ kind: true }).extend({
  /** Web URL of the commit, or null when the repo URL or the commit is unknown. */
  commitUrl: z.string().nullable(),
  /** Repo-relative path of the changelog read, or null. */
  changelog: z.string().nullable(),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummarySchema>;

/** A handover session as the agenda shows it. */
export const SessionSummarySchema = HandoverSessionSchema.omit({ kind: true });
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
