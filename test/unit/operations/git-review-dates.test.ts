import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';

describe('runbook review dates from git', () => {
  let root: string;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('uses the date of the last commit touching a runbook that states no review date', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handover-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_COMMITTER_DATE: '2026-01-10T12:00:00Z', GIT_AUTHOR_DATE: '2026-01-10T12:00:00Z' } });
    git('init', '-q', '-b', 'main');
    await mkdir(path.join(root, 'docs/runbooks'), { recursive: true });
    await writeFile(path.join(root, 'docs/runbooks/disk-full.md'), '# Disk full\n\n## Mitigation\n\nDelete old logs.\n');
    await writeFile(path.join(root, 'docs/runbooks/stated.md'), '---\nlast_reviewed_on: 2026-11-01\n---\n# Stated\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Add runbooks');
    const { model } = await ingest(root, { today: '2026-11-27' });
    const byId = new Map(model.runbooks.map((runbook) => [runbook.id, runbook]));
    expect(byId.get('disk-full')).toMatchObject({ lastReviewed: '2026-01-10', lastReviewedSource: 'git', reviewDue: '2026-07-10', reviewState: 'overdue' });
    expect(byId.get('stated')).toMatchObject({ lastReviewed: '2026-11-01', lastReviewedSource: 'front-matter', reviewDue: '2027-05-01', reviewState: 'current' });
    expect(model.service.branch).toBe('main');
  });
});
