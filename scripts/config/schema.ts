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
