import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillAdrTemplate, TEMPLATES_ROOT } from '../../../scripts/authoring/fill-template.ts';
import { adrNumberOfFile, adrSlug, detectAdrFormat, nextAdrNumber, planNewAdr, type AdrFormat, type ExistingAdr } from '../../../scripts/authoring/new-adr.ts';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { linkAdrs } from '../../../scripts/model/link-adrs.ts';
import { adrSource } from '../../../scripts/sources/adr/index.ts';

const context = { repoRoot: '/nowhere', config: ConfigSchema.parse({}) };
const template = (format: AdrFormat) => readFile(path.join(TEMPLATES_ROOT, 'adr', `${format}.md`), 'utf8');
const parse = (file: { path: string; text: string }) => adrSource.parse(file, context).records[0]!;

const nygardOld: ExistingAdr = {
  path: 'docs/adr/0002-use-postgresql-sessions.md', number: 2, title: 'Use PostgreSQL sessions',
  text: '# 2. Use PostgreSQL sessions\n\nDate: 2023-03-28\n\n## Status\n\nAccepted\n\n## Context\n\nApplicants need to log in.\n',
};
const madrOld: ExistingAdr = {
  path: 'docs/decisions/0005-use-one-login.md', number: 5, title: 'Use One Login',
  text: '---\nstatus: accepted\ndate: 2024-05-02\n---\n\n# Use One Login\n\n## Context and Problem Statement\n\nApplicants have too many logins.\n',
};

describe('handover adr new: numbering and names, as adr-tools does', () => {
  it('takes the highest number plus one, from the numbers in file names', () => {
    expect(nextAdrNumber([])).toBe(1);
    expect(nextAdrNumber([1, 7, 3])).toBe(8);
    expect(['0004-x.md', 'adr-012-y.md', 'ADR_3_z.md', '20200101-log4brains.md', 'README.md', 'template.md'].map(adrNumberOfFile)).toEqual([4, 12, 3, null, null, null]);
  });

  it('slugs titles as adr-tools does: runs of other characters become one dash', () => {
    expect(adrSlug('Use PostgreSQL for: applications!')).toBe('use-postgresql-for-applications');
    expect(adrSlug('Use GOV.UK One Login')).toBe('use-gov-uk-one-login');
  });

  it('fills the first NUMBER, TITLE, DATE and STATUS of each line, and not the title it put in', () => {
    expect(fillAdrTemplate('# NUMBER. TITLE\n\nDate: DATE\n\nSTATUS', { number: 3, title: 'Store DATE as text', date: '2026-11-27', status: 'Accepted' }))
      .toBe('# 3. Store DATE as text\n\nDate: 2026-11-27\n\nAccepted');
  });

  it('writes in the format of the latest ADR, else of the folder template, else Nygard', () => {
    expect(detectAdrFormat([nygardOld, { ...madrOld, number: 3 }], null)).toBe('madr');
    expect(detectAdrFormat([{ ...nygardOld, number: 9 }, madrOld], null)).toBe('nygard');
    expect(detectAdrFormat([], '---\nstatus: "{proposed | accepted}"\n---\n# {title}\n')).toBe('madr');
    expect(detectAdrFormat([], null)).toBe('nygard');
  });

  it('numbers with the width the folder uses', async () => {
    const result = planNewAdr({ folder: 'doc/adr', title: 'Queue scans', date: '2026-11-27', status: 'accepted', format: 'nygard', template: await template('nygard'), existing: [{ ...nygardOld, path: 'doc/adr/002-use-postgresql-sessions.md' }] });
    expect('changes' in result && result.changes.map((change) => change.path)).toEqual(['doc/adr/003-queue-scans.md']);
  });
});

describe('handover adr new --supersedes: the ADR parser reads both files back', () => {
  it('Nygard: "Supersedes" in the new status section, "Superseded by" instead of "Accepted" in the old', async () => {
    const result = planNewAdr({ folder: 'docs/adr', title: 'Use GOV.UK One Login', date: '2026-11-27', status: 'accepted', format: 'nygard', template: await template('nygard'), existing: [nygardOld], supersedes: 2 });
    if (!('changes' in result)) throw new Error(result.problem);
    const [created, updated] = result.changes;
    expect(created!.path).toBe('docs/adr/0003-use-gov-uk-one-login.md');
    expect(created!.text).toContain('## Status\n\nAccepted\n\nSupersedes [2. Use PostgreSQL sessions](0002-use-postgresql-sessions.md)\n\n## Context');
    expect(updated!.text).toContain('## Status\n\nSuperseded by [3. Use GOV.UK One Login](0003-use-gov-uk-one-login.md)\n\n## Context');
    const newAdr = parse(created!);
    const oldAdr = parse(updated!);
    expect([newAdr.number, newAdr.title, newAdr.status, newAdr.date]).toEqual([3, 'Use GOV.UK One Login', 'accepted', '2026-11-27']);
    expect(oldAdr.status).toBe('superseded');
    const { adrs, diagnostics } = linkAdrs([oldAdr, newAdr]);
    expect(adrs.map((adr) => [adr.id, adr.supersedes, adr.supersededBy])).toEqual([
      ['0002-use-postgresql-sessions', [], ['0003-use-gov-uk-one-login']],
      ['0003-use-gov-uk-one-login', ['0002-use-postgresql-sessions'], []],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('MADR: a link under the title, and the old front matter status says superseded', async () => {
    const result = planNewAdr({ folder: 'docs/decisions', title: 'Use passkeys', date: '2026-11-27', status: 'proposed', format: 'madr', template: await template('madr'), existing: [madrOld], supersedes: 5 });
    if (!('changes' in result)) throw new Error(result.problem);
    const [created, updated] = result.changes;
    expect(created!.text).toMatch(/^---\nstatus: proposed\ndate: 2026-11-27\n/);
    expect(created!.text).toContain('# Use passkeys\n\nSupersedes [5. Use One Login](0005-use-one-login.md)\n\n## Context');
    expect(updated!.text).toMatch(/^---\nstatus: superseded by ADR-0006\ndate: 2024-05-02\n---\n\n# Use One Login\n\nSuperseded by \[6\. Use passkeys\]\(0006-use-passkeys\.md\)\n\n## Context/);
    const newAdr = parse(created!);
    const oldAdr = parse(updated!);
    expect([newAdr.number, newAdr.status, oldAdr.status]).toEqual([6, 'proposed', 'superseded']);
    const { adrs, diagnostics } = linkAdrs([oldAdr, newAdr]);
    expect(adrs.map((adr) => [adr.supersedes, adr.supersededBy])).toEqual([[[], ['0006-use-passkeys']], [['0005-use-one-login'], []]]);
    expect(diagnostics).toEqual([]);
  });

  it('MADR 2: the `* Status:` bullet becomes the link', async () => {
    const old: ExistingAdr = { path: 'docs/adr/0001-a.md', number: 1, title: 'A', text: '# A\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n\nText.\n' };
    const result = planNewAdr({ folder: 'docs/adr', title: 'B', date: '2026-11-27', status: 'accepted', format: 'madr', template: await template('madr'), existing: [old], supersedes: 1 });
    if (!('changes' in result)) throw new Error(result.problem);
    expect(result.changes[1]!.text).toContain('* Status: superseded by [2. B](0002-b.md)\n');
    expect(parse(result.changes[1]!).status).toBe('superseded');
  });

  it('reports a number that is not there, and an ADR with no status to change, as problems with a hint', async () => {
    const missing = planNewAdr({ folder: 'docs/adr', title: 'B', date: '2026-11-27', status: 'accepted', format: 'nygard', template: await template('nygard'), existing: [nygardOld], supersedes: 9 });
    expect(missing).toEqual({ problem: 'There is no ADR 9 in docs/adr (its ADRs are numbered 2 to 2); give --supersedes the number of an existing ADR.' });
    const noStatus = planNewAdr({ folder: 'docs/adr', title: 'B', date: '2026-11-27', status: 'accepted', format: 'nygard', template: await template('nygard'), existing: [{ ...nygardOld, text: '# 2. Use PostgreSQL sessions\n\nWe chose it.\n' }], supersedes: 2 });
    expect('problem' in noStatus && noStatus.problem).toMatch(/^docs\/adr\/0002-use-postgresql-sessions\.md states no status to mark as superseded; add a `## Status` section/);
  });
});
