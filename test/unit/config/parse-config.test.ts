import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../scripts/config/load-config.ts';

describe('parseConfigText', () => {
  it('accepts an empty file and applies defaults', () => {
    const { config, diagnostics } = parseConfigText('', 'handover.config.yaml');
    expect(diagnostics).toEqual([]);
    expect(config.service.branch).toBeUndefined();
    expect(config.adr.paths).toBeUndefined();
  });

  it('names an unknown option, with its line', () => {
    const { diagnostics } = parseConfigText('service:\n  name: Demo\n  colour: blue\n', 'handover.config.yaml');
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "handover.config.yaml:3 config/invalid-option Unknown option \`colour\` in \`service\`.",
      ]
    `);
  });

  it('explains a wrongly typed option at its line', () => {
    const { diagnostics } = parseConfigText('service:\n  repoUrl: not a url\n', 'handover.config.yaml');
    expect(diagnostics.map((d) => `${d.line} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "2 Option \`service.repoUrl\`: Invalid URL.",
      ]
    `);
  });

  it('reports YAML syntax errors with a line and falls back to defaults', () => {
    const { config, diagnostics } = parseConfigText('service:\n  name: [unclosed\n', 'handover.config.yaml');
    expect(diagnostics[0]).toMatchObject({ code: 'config/invalid-syntax', severity: 'error', file: 'handover.config.yaml' });
    expect(diagnostics[0]!.line).toBeGreaterThan(1);
    expect(config.service.name).toBeUndefined();
  });
});
