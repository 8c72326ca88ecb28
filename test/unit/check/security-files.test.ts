import { describe, expect, it } from 'vitest';
import { classifySecurityFile } from '../../../scripts/sources/security/classify-security-file.ts';

describe('security evidence files', () => {
  it('recognises Dependabot and Renovate configs where those tools read them', () => {
    expect(classifySecurityFile('.github/dependabot.yml')).toEqual({ type: 'dependency-updates', tool: 'dependabot' });
    expect(classifySecurityFile('renovate.json5')).toEqual({ type: 'dependency-updates', tool: 'renovate' });
    expect(classifySecurityFile('.gitlab/renovate.json')).toEqual({ type: 'dependency-updates', tool: 'renovate' });
    expect(classifySecurityFile('docs/dependabot.yml')).toBeNull();
  });

  it('recognises threat models by their name or folder, in document and tool formats', () => {
    expect(classifySecurityFile('docs/security/threat-model.md')).toEqual({ type: 'threat-model', tool: null });
    expect(classifySecurityFile('THREAT_MODEL.md')).toEqual({ type: 'threat-model', tool: null });
    expect(classifySecurityFile('docs/Threat Model.pdf')).toEqual({ type: 'threat-model', tool: null });
    expect(classifySecurityFile('threatmodel/payments.json')).toEqual({ type: 'threat-model', tool: 'threat-dragon' });
    expect(classifySecurityFile('docs/threat-modelling/service.tm7')).toEqual({ type: 'threat-model', tool: 'microsoft-tmt' });
    expect(classifySecurityFile('src/threat-model.ts')).toBeNull();
    expect(classifySecurityFile('docs/security/overview.md')).toBeNull();
  });
});
