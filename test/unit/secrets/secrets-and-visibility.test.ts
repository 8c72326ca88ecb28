import { describe, expect, it } from 'vitest';
import { findAllowance } from '../../../scripts/secrets/allow-list.ts';
import { distinctivePart, lineOfSecret } from '../../../scripts/secrets/locate-secret.ts';
import { frontMatterSaysInternal } from '../../../scripts/visibility/find-internal.ts';

describe('locating a secret in its source file', () => {
  it('finds the key material whatever label the page gave it', () => {
    const key = 'Zx9'.repeat(14).slice(0, 40);
    expect(distinctivePart(`aws_secret_access_key = ${key}`)).toBe(key);
    expect(lineOfSecret(`# Title\n\nexport AWS_SECRET_ACCESS_KEY="${key}"\n`, `aws_secret_access_key = ${key}`)).toBe(3);
    expect(lineOfSecret('nothing here\n', `aws_secret_access_key = ${key}`)).toBeNull();
  });
});

describe('secrets.allow', () => {
  const allow = [{ path: 'docs/runbooks/*.md', rule: 'aws', reason: 'documented example' }];
  it('matches by path glob and by the rule\'s short id, full id or message id', () => {
    expect(findAllowance(allow, { file: 'docs/runbooks/x.md', ruleId: '@secretlint/secretlint-rule-aws', messageId: 'AWSSecretAccessKey' })).toBe(allow[0]);
    expect(findAllowance([{ ...allow[0]!, rule: 'AWSSecretAccessKey' }], { file: 'docs/runbooks/x.md', ruleId: '@secretlint/secretlint-rule-aws', messageId: 'AWSSecretAccessKey' })).not.toBeNull();
    expect(findAllowance(allow, { file: 'docs/adr/x.md', ruleId: '@secretlint/secretlint-rule-aws', messageId: 'AWSSecretAccessKey' })).toBeNull();
    expect(findAllowance(allow, { file: 'docs/runbooks/x.md', ruleId: '@secretlint/secretlint-rule-github', messageId: 'GITHUB_TOKEN' })).toBeNull();
    expect(findAllowance(allow, { file: null, ruleId: '@secretlint/secretlint-rule-aws', messageId: 'AWSSecretAccessKey' })).toBeNull();
  });
});

describe('visibility: internal in front matter', () => {
  it.each([
    ['---\nvisibility: internal\n---\n# X\n', true],
    ['---\ntitle: X\nvisibility: "Internal"\n---\n', true],
    ['---\nvisibility: public\n---\n', false],
    ['# No front matter\n\nvisibility: internal\n', false],
    ['---\ntitle: ADR002: broken: yaml\nvisibility: internal\n---\n', true],
  ])('%j -> %s', (text, internal) => {
    expect(frontMatterSaysInternal(text)).toBe(internal);
  });
});

describe('locating a multi-line secret', () => {
  it('reports the first line of the block, as the scanner does', () => {
    const body = 'MIIC'.padEnd(64, 'A');
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(lineOfSecret(`# Key\n\n\`\`\`\n${block}\n\`\`\`\n`, block)).toBe(4);
  });
});
