import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText } from '../../../scripts/config/load-config.ts';

const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`)].join('\n');

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-config-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('hostile config files', () => {
  it('reports a YAML bomb as an error and uses the defaults, without expanding it', () => {
    const started = performance.now();
    const { config, diagnostics } = parseConfigText(BOMB, 'handover.config.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['config/invalid-syntax']);
    expect(diagnostics[0]!.message).toMatch(/resource exhaustion/);
    expect(config.limits.maxFileSize).toBe(5 * 1024 * 1024);
  });

  it('does not read a config that is a symlink out of the repository', async () => {
    const repo = path.join(scratch, 'linked');
    await mkdir(repo, { recursive: true });
    await writeFile(path.join(scratch, 'outside.yaml'), 'site:\n  title: From outside\n');
    await symlink(path.join(scratch, 'outside.yaml'), path.join(repo, 'handover.config.yaml'));
    const loaded = await loadConfig(repo);
    expect(loaded.config.site.title).toBeUndefined();
    expect(loaded.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['source/outside-repo']);
  });

  it('reads limits.maxFileSize in bytes, KB, MB and GB, and rejects other sizes', () => {
    const size = (text: string) => parseConfigText(`limits:\n  maxFileSize: ${text}\n`, 'handover.config.yaml');
    expect(size('500 KB').config.limits.maxFileSize).toBe(500 * 1024);
    expect(size('1.5 MB').config.limits.maxFileSize).toBe(1.5 * 1024 * 1024);
    expect(size('2GB').config.limits.maxFileSize).toBe(2 * 1024 ** 3);
    expect(size('100 B').config.limits.maxFileSize).toBe(100);
    expect(size('lots').diagnostics[0]!.message).toBe('Option `limits.maxFileSize`: must look like "5 MB", "500 KB" or "1 GB".');
  });
});
