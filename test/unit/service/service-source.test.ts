import { describe, expect, it } from 'vitest';
import { originUrl, webUrl } from '../../../scripts/sources/service/index.ts';

describe('repository web URL', () => {
  it.each([
    ['git+https://github.com/o/r.git', 'https://github.com/o/r'],
    ['https://gitlab.example.org/group/sub/r', 'https://gitlab.example.org/group/sub/r'],
    ['git@github.com:o/r.git', 'https://github.com/o/r'],
    ['ssh://git@github.com/o/r.git', 'https://github.com/o/r'],
    ['github:o/r', 'https://github.com/o/r'],
    ['o/r', 'https://github.com/o/r'],
    ['https://user:s3cret@github.com/o/r.git', 'https://github.com/o/r'],
    ['file:///srv/r', null],
  ])('%s -> %s', (written, expected) => {
    expect(webUrl(written)).toBe(expected);
  });

  it('reads the origin remote from .git/config', () => {
    const config = '[core]\n\tbare = false\n[remote "upstream"]\n\turl = git@github.com:up/r.git\n[remote "origin"]\n\turl = git@github.com:o/r.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n';
    expect(originUrl(config)).toBe('git@github.com:o/r.git');
    expect(originUrl('[core]\n')).toBeNull();
  });
});
