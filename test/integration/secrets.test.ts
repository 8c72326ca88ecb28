import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

// Secrets are generated at run time, so no secret-looking string is committed to this repo.
const pick = (count: number, alphabet: string) => Array.from(randomBytes(count), (byte) => alphabet[byte % alphabet.length]).join('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${UPPER}abcdefghijklmnopqrstuvwxyz0123456789`;
const accessKeyId = `AKIA${pick(16, `${UPPER}234567`)}`;
// Ends with a letter or digit: the scanner's pattern ends at a word boundary, as real keys' do.
const secretAccessKey = `${pick(39, `${ALNUM}+/`)}${pick(1, ALNUM)}`;
const githubToken = `ghp_${pick(36, ALNUM)}`;
const privateKey = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey.trim();
const keyBody = privateKey.split('\n')[1]!;
const SECRETS = [accessKeyId, secretAccessKey, githubToken, keyBody];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-secrets-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

/** Every file under `folder` (recursively) as text. */
async function allFiles(folder: string): Promise<Map<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = new Map<string, string>();
  for (const entry of entries) if (entry.isFile()) files.set(path.join(entry.parentPath, entry.name), await readFile(path.join(entry.parentPath, entry.name), 'latin1'));
  return files;
}

const ADR = `# 1. Deploy with a CI user\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nThe pipeline deploys with these credentials:\n\n\`\`\`ini\n[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n\`\`\`\n`;
const RUNBOOK = `---\ntitle: Rotate the signing key\n---\n# Rotate the signing key\n\nThe current key, for reference:\n\n\`\`\`\n${privateKey}\n\`\`\`\n`;
const ALERTS = `groups:\n  - name: api\n    rules:\n      - alert: DeployFailed\n        expr: deploy_failures > 0\n        labels:\n          severity: page\n        annotations:\n          summary: The deploy failed\n          description: "Re-run it with the bot token ${githubToken}"\n`;

describe('the secrets scan', () => {
  it('fails the build (exit code 4) naming file:line and kind, publishes nothing, and never prints a secret', async () => {
    const repo = path.join(scratch, 'leaky');
    await write(repo, { 'README.md': '# Leaky service\n', 'docs/adr/0001-deploy-with-a-ci-user.md': ADR, 'docs/runbooks/rotate-signing-key.md': RUNBOOK, 'alerts/rules.yml': ALERTS });
    const out = path.join(scratch, 'leaky-out', 'dist');
    const work = path.join(scratch, 'leaky-out', 'work');
    await write(out, { 'index.html': 'the previous site\n' });
    const result = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', work]);

    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/docs\/adr\/0001-deploy-with-a-ci-user\.md:15 error secret\/aws: A secret \(AWSAccessKeyID\)/);
    expect(result.stdout).toMatch(/docs\/adr\/0001-deploy-with-a-ci-user\.md:16 error secret\/aws: A secret \(AWSSecretAccessKey\)/);
    expect(result.stdout).toMatch(/docs\/runbooks\/rotate-signing-key\.md:9 error secret\/privatekey: A secret \(PrivateKey\)/);
    expect(result.stdout).toMatch(/alerts\/rules\.yml:10 error secret\/github: A secret \(GITHUB_TOKEN\)/);
    expect(result.stderr).toMatch(/would have been published/);
    const report = JSON.parse(await readFile(path.join(work, 'cache', 'handover-report.json'), 'utf8'));
    expect(report.diagnostics.map((diagnostic: { file: string; line: number; code: string }) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.code}`)).toEqual([
      'alerts/rules.yml:10 secret/github',
      'docs/adr/0001-deploy-with-a-ci-user.md:15 secret/aws',
      'docs/adr/0001-deploy-with-a-ci-user.md:16 secret/aws',
      'docs/runbooks/rotate-signing-key.md:9 secret/privatekey',
    ]);
    // The previous site is untouched, and no secret is anywhere but in the repo itself.
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('the previous site\n');
    const written = await allFiles(path.join(scratch, 'leaky-out'));
    for (const secret of SECRETS) {
      expect(result.stdout + result.stderr).not.toContain(secret);
      for (const [file, text] of written) expect(text.includes(secret), `${secret.slice(0, 4)}... in ${file}`).toBe(false);
    }
  }, 120_000);

  it('builds when secrets.allow covers a finding, and notes it in the report; AWS\'s documented example key is not a finding', async () => {
    const repo = path.join(scratch, 'allowed');
    await write(repo, {
      'README.md': '# Allowed service\n\nThe AWS docs use `AKIAIOSFODNN7EXAMPLE` as an example access key id.\n',
      'docs/adr/0001-deploy-with-a-ci-user.md': ADR,
      'handover.config.yaml': 'secrets:\n  allow:\n    - path: docs/adr/0001-*.md\n      rule: aws\n      reason: revoked test credentials kept as a record\n',
    });
    const out = path.join(scratch, 'allowed-out', 'dist');
    const result = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, 'allowed-out', 'work')]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(await readFile(path.join(out, 'handover-report.json'), 'utf8'));
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: 'docs/adr/0001-deploy-with-a-ci-user.md', line: 16, severity: 'info', code: 'secret/aws', message: expect.stringContaining('revoked test credentials') }));
    expect(await readFile(path.join(out, 'adr', '0001-deploy-with-a-ci-user', 'index.html'), 'utf8')).toContain(accessKeyId);
  }, 120_000);
});
