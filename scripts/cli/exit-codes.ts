/** Exit codes of the `handover` command; documented in the README. */
export const ExitCode = {
  /** The command did what was asked. */
  Success: 0,
  /**
   * The command finished, but `--strict` was given and the input has errors (or, for `check`,
   * the readiness findings include errors), or the readiness score is below `--min-score`.
   */
  StrictFailure: 1,
  /** The command line is wrong: an unknown option, or a `--repo` that is not a readable folder. */
  UsageError: 2,
  /** The site could not be built (Astro failed) or the environment is unsuitable. */
  BuildFailed: 3,
  /** `build` stopped because a secret would have been published; nothing was built or replaced. */
  SecretsFound: 4,
} as const;
