import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';
import { durationMinutes, parseTrainingModule } from '../../../scripts/sources/training/parse-training.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

describe('training modules', () => {
  it('reads front matter, counts quizzes and exercises, and leaves "14:10" alone', () => {
    const { records, diagnostics } = parseTrainingModule({ path: 'docs/training/01-x.md', text: '---\ntitle: X\norder: 2\nduration: 1h 30m\nobjectives: [A, B]\n---\n\nAt 14:10 you are paged.\n\n:::quiz\nQ?\n\n- [x] Yes\n- [ ] No\n:::\n\n:::exercise\nDo it.\n:::\n' });
    expect(records[0]).toMatchObject({ id: '01-x', title: 'X', order: 2, minutes: 90, objectives: ['A', 'B'], quizzes: 1, exercises: 1, generated: false });
    expect(diagnostics).toEqual([]);
    expect(toString(records[0]!.body)).toContain('At 14:10 you are paged.');
  });

  it('reports a quiz with no correct answer, an unknown directive and a missing title, with lines', () => {
    const { diagnostics } = parseTrainingModule({ path: 'docs/training/x.md', text: 'Intro.\n\n:::quiz\nQ?\n\n- [ ] A\n- [ ] B\n:::\n\n:::mystery\nHi\n:::\n' });
    expect(diagnostics.map((diagnostic) => `${diagnostic.line ?? '-'} ${diagnostic.code}`)).toEqual(['1 training/missing-title', '3 training/quiz-without-answer', '10 training/unknown-directive']);
  });

  it.each([['45m', 45], ['1h 30m', 90], ['1.5 hours', 90], ['90 minutes', 90], ['soon', null]])('%s is %s minutes', (text, minutes) => {
    expect(durationMinutes(text)).toBe(minutes);
  });

  it('puts authored modules first and generates the ones they do not cover', async () => {
    const { model } = await ingest(path.join(PROJECT_ROOT, 'examples', 'demo-service'), { today: '2026-11-27' });
    expect(model.training.map((module) => [module.id, module.generated])).toEqual([
      ['01-first-week-on-call', false],
      // "On call" is covered by the authored module, so it is not generated.
      ['architecture-in-decisions', true],
      ['debt-you-inherit', true],
      ['api-tour', true],
    ]);
    const architecture = model.training[1]!;
    expect(architecture.title).toBe('The architecture in 4 decisions');
    expect(architecture.quizzes).toBe(1);
  });
});

describe('handover sessions', () => {
  it('reports a session naming a module that does not exist, at its line in the config', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(path.join(tmpdir(), 'handover-sessions-'));
    try {
      await writeFile(path.join(root, 'handover.config.yaml'), 'sessions:\n  - title: Kick-off\n    modules: [no-such-module]\n');
      const { model, report } = await ingest(root, { today: '2026-11-27' });
      expect(model.sessions).toEqual([expect.objectContaining({ id: 'kick-off', title: 'Kick-off', modules: [] })]);
      expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: 'handover.config.yaml', line: 3, code: 'session/unknown-module' }));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
