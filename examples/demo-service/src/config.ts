/**
 * Runtime configuration, read once from environment variables at start-up.
 *
 * Secrets (`DATABASE_URL`, `NOTIFY_API_KEY`) are injected from AWS Secrets
 * Manager by the ECS task definition. Never log the result of {@link loadConfig}.
 *
 * @packageDocumentation
 */

import { z } from 'zod';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().positive().default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  DATABASE_URL: z.string().url(),
  /** Max connections per task. 4 tasks x 10 stays well under the RDS limit. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(10),
  AWS_REGION: z.string().default('eu-west-2'),
  EVIDENCE_BUCKET: z.string().min(3),
  EVIDENCE_SCAN_QUEUE_URL: z.string().url(),
  NOTIFY_API_KEY: z.string().min(20),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(500).max(10_000).default(3000),
  NOTIFY_TEMPLATES_PATH: z.string().default('config/notify-templates.json'),
  COUNCILS_PATH: z.string().default('config/councils.json'),
  ONE_LOGIN_ISSUER: z.string().url().default('https://oidc.account.gov.uk/'),
  ONE_LOGIN_CLIENT_ID: z.string(),
  /** Days before expiry to send the renewal reminder. Policy asks for 12 weeks. */
  EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(7).max(180).default(84),
});

/** Validated service configuration. */
export type Config = z.infer<typeof configSchema>;

/**
 * Parses and validates configuration from the environment.
 *
 * @param env - Source of variables. Defaults to `process.env`; pass an object in tests.
 * @returns Typed, defaulted configuration.
 * @throws Error listing every missing or invalid variable, so a bad deploy fails fast.
 *
 * @example
 * ```ts
 * const config = loadConfig({ ...process.env, PORT: '3000' });
 * config.PORT; // 3000
 * ```
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
