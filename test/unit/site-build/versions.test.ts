import { describe, expect, it } from 'vitest';
import { resolveVersionName } from '../../../scripts/site-build/versioned/version-name.ts';
import { versionsIndex } from '../../../scripts/site-build/versioned/versions-index.ts';
import { redirectPage } from '../../../scripts/site-build/versioned/redirect-page.ts';

describe('versionsIndex', () => {
  it('sorts versions newest first, by semver and not as text', () => {
    expect(versionsIndex(['1.9.0', '1.10.0', '1.10.0-rc.2', '1.10.0-rc.10', '0.9.1', 'nightly', '1.9.0']).versions)
      .toEqual(['1.10.0', '1.10.0-rc.10', '1.10.0-rc.2', '1.9.0', '0.9.1', 'nightly']);
  });

  it('names the newest as latest, whatever order the versions came in', () => {
    expect(versionsIndex(['1.0.1', '1.1.0', '1.0.0']).latest).toBe('1.1.0');
  });
});

describe('resolveVersionName', () => {
  it('prefers --version, then the release version, without a leading v', () => {
    expect(resolveVersionName('2.0.0', '1.0.0')).toBe('2.0.0');
    expect(resolveVersionName(undefined, 'v1.4.2')).toBe('1.4.2');
  });

  it('names --version when no version is known, and refuses names that cannot be a folder', () => {
    expect(() => resolveVersionName(undefined, null)).toThrow(/pass one with --version/);
    expect(() => resolveVersionName('../x', null)).toThrow(/cannot be a folder/);
    expect(() => resolveVersionName('latest', null)).toThrow(/not "latest"/);
  });
});

describe('redirectPage', () => {
  it('redirects without JavaScript and links the target', () => {
    const html = redirectPage('/svc/1.1.0/adr/', 'https://example.org/svc/1.1.0/adr/', 'The latest version');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/svc/1.1.0/adr/">');
    expect(html).toContain('<a href="/svc/1.1.0/adr/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/svc/1.1.0/adr/">');
  });
});
