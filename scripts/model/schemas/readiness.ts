import { z } from 'zod';
import { SeveritySchema } from '../../diagnostics/diagnostic.ts';
import { OutcomeSchema } from './outcome.ts';
import { SecurityFileSchema } from './security.ts';

/** The areas a service's readiness is scored in. */
export const ReadinessAreaIdSchema = z.enum(['operations', 'decisions', 'debt', 'api', 'ownership', 'outcomes', 'security', 'training']);
export type ReadinessAreaId = z.infer<typeof ReadinessAreaIdSchema>;

/** One thing a readiness rule found missing, with where to fix it. */
export const ReadinessFindingSchema = z.object({
  /** Id of the rule, e.g. `alert-has-runbook`. */
  rule: z.string(),
  area: ReadinessAreaIdSchema,
  severity: SeveritySchema,
  /** What is missing, in one sentence. */
  message: z.string(),
  /** How to fix it. */
  hint: z.string(),
  /** Repo-relative file to fix, or null when the fix is a new file. */
  file: z.string().nullable(),
  line: z.number().int().positive().nullable(),
  /** Site page that shows the record, relative to the site base (`runbooks/x/`), or null. */
  page: z.string().nullable(),
});
export type ReadinessFinding = z.infer<typeof ReadinessFindingSchema>;

/** How one rule scored. */
export const ReadinessRuleResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: SeveritySchema,
  /** 0-100, or null when nothing was there to check (or the rule is skipped in the config). */
  score: z.number().int().min(0).max(100).nullable(),
  /** How many things the rule looked at, and how many were fine. */
  checked: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  skipped: z.boolean(),
});
export type ReadinessRuleResult = z.infer<typeof ReadinessRuleResultSchema>;

/** One area: the mean of its rules' scores. */
export const ReadinessAreaSchema = z.object({
  id: ReadinessAreaIdSchema,
  title: z.string(),
  /** 0-100, or null when no rule of the area applied. */
  score: z.number().int().min(0).max(100).nullable(),
  rules: z.array(ReadinessRuleResultSchema),
});
export type ReadinessArea = z.infer<typeof ReadinessAreaSchema>;

/** `handover check --json`, and the site's Readiness page (format documented in the README). */
export const ReadinessReportSchema = z.object({
  version: z.literal(1),
  service: z.string(),
  /** The build's date, which review states depend on. */
  date: z.string(),
  /** Overall 0-100: the mean of the area scores that apply. */
  score: z.number().int().min(0).max(100).nullable(),
  areas: z.array(ReadinessAreaSchema),
  /** Sorted by severity, area, file and line. */
  findings: z.array(ReadinessFindingSchema),
});
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;

/** The Readiness page's data: the report, with the outcomes and security evidence it refers to. */
export const ReadinessPageSchema = ReadinessReportSchema.extend({
  /** The findings, each with the web URL of its file and line when the repo URL is known. */
  findings: z.array(ReadinessFindingSchema.extend({ sourceUrl: z.string().nullable() })),
  outcomes: z.array(OutcomeSchema.omit({ kind: true })),
  security: z.array(SecurityFileSchema.omit({ kind: true }).extend({ sourceUrl: z.string().nullable() })),
});
export type ReadinessPage = z.infer<typeof ReadinessPageSchema>;
