import { z } from 'zod';

/**
 * The `handover.config.{yaml,yml,json}` file at the root of a service repo. Every option is
 * optional: with no file at all, conventions find the usual folders. This schema is the
 * reference documentation of the options; the TypeScript type is derived from it.
 */
export const ConfigSchema = z
  .object({
    service: z
      .object({
        /** Display name of the service. Default: `name` from package.json, else the folder name. */
        name: z.string().min(1).optional(),
        /** One-sentence description. Default: `description` from package.json. */
        description: z.string().optional(),
        /**
         * Web URL of the repository (e.g. `https://github.com/org/repo`), used for "view source"
         * links. Default: `repository` from package.json when it is a web URL.
         */
        repoUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** Branch or tag that source links point at. Default: the checked-out branch, else `main`. */
        branch: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    adr: z
      .object({
        /**
         * Folders (relative to the repo root) that hold ADRs. Default: the conventional folders,
         * such as `docs/adr`, `doc/adr`, `docs/decisions` and `architecture-decision-record`.
         */
        paths: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .prefault({}),
    runbooks: z
      .object({
        /**
         * Folders (relative to the repo root) that hold runbooks. Default: `docs/runbooks`,
         * `runbooks`, `docs/playbooks`, `source/**\/runbooks` and folders named `alerts` that
         * hold Markdown.
         */
        paths: z.array(z.string().min(1)).optional(),
        /**
         * Where the team published runbooks before, with `{slug}` for the runbook's file name,
         * e.g. `https://docs.example.org/manual/alerts/{slug}.html`. Alerts whose `runbook_url`
         * matches it link to the runbook page here; those whose slug matches no runbook are
         * reported. Default: none (URLs are matched by their last path segment).
         */
        urlPattern: z.string().includes('{slug}', { message: 'must contain {slug} where the runbook name goes' }).optional(),
        /** How long a review lasts when a runbook does not say (`review_in`). Default: `6 months`. */
        reviewPeriod: z.string().regex(/^\s*\d+\s*(day|week|month|year)s?\s*$/i, 'must look like "6 months", "12 weeks" or "1 year"').default('6 months'),
      })
      .strict()
      .prefault({}),
    alerts: z
      .object({
        /** Folders or files with Prometheus rule files. Default: every YAML file in the repo that holds alerting rules. */
        paths: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .prefault({}),
    api: z
      .object({
        /**
         * TypeScript entry points to document, relative to the repo root. Default: from
         * typedoc.json, else package.json (`exports`, `types`, `main`, workspaces), else `src/index.ts`.
         */
        entryPoints: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .prefault({}),
    training: z
      .object({
        /** Folders with training modules. Default: `docs/training`, `training`, `docs/onboarding`. */
        paths: z.array(z.string().min(1)).optional(),
        /** Write the generated modules (architecture, on call, debt, API tour) that authored ones do not cover. Default: true. */
        generate: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Formal handover sessions the outgoing team runs: shown as an agenda, with a printable pack each. */
    sessions: z
      .array(
        z
          .object({
            title: z.string().min(1),
            /** ISO date, e.g. 2026-12-01. */
            date: z.union([z.string(), z.date()]).transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)).optional(),
            /** How long, e.g. `90m` or `2 hours`. */
            duration: z.string().optional(),
            presenters: z.array(z.string()).default([]),
            /** Ids of training modules covered (see /training/), e.g. `architecture-in-decisions`. */
            modules: z.array(z.string()).default([]),
            topics: z.array(z.string()).default([]),
            attendees: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .default([]),
    /** Who to contact about the service: the team, escalation, on-call. Shown on the home page and runbooks. */
    contacts: z
      .array(
        z
          .object({
            /** What the contact is for, e.g. `team`, `escalation`, `on-call`, `product owner`. */
            role: z.string().min(1),
            name: z.string().min(1),
            slack: z.string().optional(),
            email: z.email().optional(),
            phone: z.string().optional(),
            /** A page with more, e.g. the on-call rota. */
            url: z.url({ protocol: /^https?$/ }).optional(),
          })
          .strict(),
      )
      .default([]),
    /**
     * What the service is measured by: the outcomes the receiving team must keep delivering.
     * Shown on the readiness page; `handover check` asks for at least one, each with a measure
     * and a dashboard. Default: none.
     */
    outcomes: z
      .array(
        z
          .object({
            /** The outcome, e.g. `Applications decided within 10 working days`. */
            name: z.string().min(1),
            /** How it is measured, with its target, e.g. `95% of applications, monthly`. */
            measure: z.string().min(1).optional(),
            /** Where to see it now: a dashboard URL. */
            dashboard: z.url({ protocol: /^https?$/ }).optional(),
          })
          .strict(),
      )
      .default([]),
    /** The readiness check (`handover check` and the site's Readiness page). */
    check: z
      .object({
        /** Lowest overall score (0-100) `handover check` accepts when `--min-score` is not given. Default: none. */
        minScore: z.number().int().min(0).max(100).optional(),
        /** Share of exported API symbols (percent) that must have a doc comment. Default: 80. */
        apiCoverage: z.number().min(0).max(100).default(80),
        /** Ids of readiness rules that do not apply to this service, e.g. `[threat-model]`. Default: none. */
        skip: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    /** The secrets scan: every published page and data file is scanned, and a build with a secret fails. */
    secrets: z
      .object({
        /**
         * Findings that are not secrets (a vendor's documented example key), one entry per file
         * and rule, each with the reason it is safe to publish. Default: none.
         */
        allow: z
          .array(
            z
              .object({
                /** Repo-relative path (or glob) of the file the finding comes from, e.g. `docs/runbooks/aws.md`. */
                path: z.string().min(1),
                /** The scanner's rule or message id, e.g. `aws`, `@secretlint/secretlint-rule-aws` or `AWSSecretAccessKey`. */
                rule: z.string().min(1),
                /** Why this is safe to publish; required, so every exception is explained. */
                reason: z.string().min(1),
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .prefault({}),
    /** Which documents a `handover build --public` leaves out; a normal build includes everything. */
    visibility: z
      .object({
        /**
         * Globs of repo files (ADRs, runbooks, debt items, training modules) that are internal,
         * e.g. `docs/runbooks/security-*.md`; as `visibility: internal` in a file's front matter.
         * Default: none.
         */
        internal: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    /** Limits that keep a hostile or accidental input from exhausting the build. */
    limits: z
      .object({
        /**
         * Largest document or rule file read, e.g. `5 MB`, `500 KB`; bigger files are skipped
         * with a `source/too-large` diagnostic. Default: `5 MB`.
         */
        maxFileSize: z.string().regex(/^\s*\d+(\.\d+)?\s*(B|KB|MB|GB)\s*$/i, 'must look like "5 MB", "500 KB" or "1 GB"').transform(sizeInBytes).prefault('5 MB'),
      })
      .strict()
      .prefault({}),
    site: z
      .object({
        /** Title shown in the site header. Default: the service name followed by "handover". */
        title: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** The validated configuration, with defaults applied. */
export type HandoverConfig = z.infer<typeof ConfigSchema>;

/** `5 MB` -> 5242880: binary units, as file managers show sizes. */
function sizeInBytes(size: string): number {
  const [, amount = '0', unit = 'B'] = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B)\s*$/i.exec(size) ?? [];
  const power = ['B', 'KB', 'MB', 'GB'].indexOf(unit.toUpperCase());
  return Math.round(Number(amount) * 1024 ** power);
}
