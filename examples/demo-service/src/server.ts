/**
 * Process entry point: wires configuration, clients and routes, then listens.
 * Not exported from the package; see `index.ts` for the public API.
 *
 * @packageDocumentation
 */

import { readFile } from 'node:fs/promises';
import { S3Client } from '@aws-sdk/client-s3';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from './config.js';
import { registerRoutes } from './http/routes.js';
import { CouncilDirectory } from './services/council-directory.js';
import { S3EvidenceStore } from './services/evidence-store.js';
import { ApplicantNotifier, type TemplateIds } from './services/notify-client.js';
import { PostgresApplicationRepository, nextBadgeSerial } from './db/applications.js';

const config = loadConfig();
const app = Fastify({
  logger: {
    level: config.LOG_LEVEL,
    // Applicants' personal data must never reach the logs. Add fields here before logging them.
    redact: ['req.headers.authorization', '*.nationalInsuranceNumber', '*.dateOfBirth', '*.email', '*.mobile'],
  },
  trustProxy: true,
  bodyLimit: 256 * 1024,
});

const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE });
const templates = JSON.parse(await readFile(config.NOTIFY_TEMPLATES_PATH, 'utf8')) as TemplateIds;

app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/readyz', async () => {
  await pool.query('select 1');
  return { status: 'ready' };
});

registerRoutes(app, {
  applications: new PostgresApplicationRepository(pool),
  evidence: new S3EvidenceStore(new S3Client({ region: config.AWS_REGION }), config.EVIDENCE_BUCKET),
  notifier: new ApplicantNotifier({ apiKey: config.NOTIFY_API_KEY, templates, timeoutMs: config.NOTIFY_TIMEOUT_MS, logger: app.log }),
  councils: await CouncilDirectory.fromFile(config.COUNCILS_PATH),
  nextBadgeSerial: (councilCode) => nextBadgeSerial(pool, councilCode),
  now: () => new Date(),
});

await app.listen({ port: config.PORT, host: '0.0.0.0' });
