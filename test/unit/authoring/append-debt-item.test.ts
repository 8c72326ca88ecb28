import { describe, expect, it } from 'vitest';
import { appendToLog, newItemFile, newRegister, nextRef } from '../../../scripts/authoring/append-debt-item.ts';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { debtSource } from '../../../scripts/sources/debt/index.ts';

const item = { title: 'Shared database', taken: '2026-11-27', impact: 'High: schema changes need sign-off', decision: 'ADR-0003' };
const reparse = (path: string, text: string) => debtSource.parse({ path, text }, { repoRoot: '/nowhere', config: ConfigSchema.parse({}) }).records;

describe('handover debt new', () => {
  it.each([[['TD-006', 'TD-002'], 'TD-007'], [['7', '20'], '21'], [['DEBT-0099'], 'DEBT-0100'], [[], 'TD-001']])('after %j comes %s', (refs, next) => {
    expect(nextRef(refs)).toBe(next);
  });

  it('adds a row at the end of a register table, in its columns, with the next reference', () => {
    const register = '# Debt\n\n| ID | Title | Status | Impact | Decision |\n| -- | -- | -- | -- | -- |\n| TD-001 | Old | Open | Low | - |\n\nNotes after the table.\n';
    const change = appendToLog('TECH_DEBT.md', register, item);
    expect(change.ref).toBe('TD-002');
    expect(change.text).toContain('| TD-001 | Old | Open | Low | - |\n| TD-002 | Shared database | Open | High: schema changes need sign-off | ADR-0003 |\n\nNotes after the table.');
    expect(reparse('TECH_DEBT.md', change.text).map((record) => record.ref)).toEqual(['TD-001', 'TD-002']);
  });

  it('adds an entry to a YAML log and a section to a prose log', () => {
    const yaml = appendToLog('debt.yml', '- id: D-1\n  title: Old\n', item);
    expect(reparse('debt.yml', yaml.text).map((record) => [record.ref, record.title, record.status])).toEqual([['D-1', 'Old', null], ['D-2', 'Shared database', 'open']]);
    const prose = appendToLog('docs/technical-debt.md', '# Technical debt\n\n## Old thing\n\nText.\n', item);
    expect(reparse('docs/technical-debt.md', prose.text).map((record) => record.title)).toEqual(['Old thing', 'Shared database']);
  });

  it('creates a file in a one-file-per-item folder, or a new register when there is no log', () => {
    const file = newItemFile('docs/debt', ['docs/debt/0001-a.md', 'docs/debt/0002-b.md'], item);
    expect(file.path).toBe('docs/debt/0003-shared-database.md');
    expect(reparse(file.path, file.text)[0]).toMatchObject({ title: 'Shared database', status: 'open', taken: '2026-11-27', decisionText: 'ADR-0003' });
    const register = newRegister(item);
    expect(register.path).toBe('docs/debt/README.md');
    expect(reparse(register.path, register.text)[0]).toMatchObject({ ref: 'TD-001', title: 'Shared database', status: 'open' });
  });
});
