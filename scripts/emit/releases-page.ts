import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { HandoverModel } from '../model/build-model.ts';
import type { ReleaseNotes } from '../model/schemas/release.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({ type: 'link', url, children });

/** Web URL of a commit on the repository's site, or null when the repo URL is unknown. */
export function commitUrl(repoUrl: string | null, commit: string | null): string | null {
  return repoUrl && commit ? `${repoUrl}/commit/${commit}` : null;
}

/**
 * The Releases page as one mdast tree: what was built, then each release newest first with its
 * sections. Changelog sections are the repo's own Markdown, so the tree goes through the MDX
 * serialiser like any document; everything Handover writes here is text nodes.
 */
export function releasesPageTree(model: Pick<HandoverModel, 'release' | 'releases' | 'service'>): Root {
  const { release, releases, service } = model;
  const changelog = releases.find((notes) => notes.source)?.source?.path ?? null;
  const url = commitUrl(service.repoUrl, release.commit);
  const built: PhrasingContent[] = [
    text('This site was built from '),
    ...(release.version ? [text(`version ${release.version} (${release.versionSource === 'tag' ? `the git tag ${release.tag}` : 'the version in package.json'})`)] : [text('a build with no version (no release tag at HEAD, no version in package.json)')]),
    ...(release.shortCommit ? [text(', commit '), url ? link(url, [code(release.shortCommit)]) : code(release.shortCommit)] : []),
    text(`, dated ${release.date} (${release.dateSource === 'commit' ? "the commit's date" : "the build's date"}).`),
  ];
  const children: RootContent[] = [{ type: 'paragraph', children: built }];
  if (releases.length === 0) {
    children.push({ type: 'paragraph', children: [
      text('No release history was found. To list releases here, add a '), code('CHANGELOG.md'),
      text(' at the root of the repository in the '), link('https://keepachangelog.com', [text('Keep a Changelog')]),
      text(' format (a heading per release, such as '), code('## [1.2.0] - 2026-01-05'), text(', with '), code('### Added'), text(' and '), code('### Fixed'),
      text(' under it), or tag each release in git ('), code('git tag v1.2.0'), text(') and the next build lists the tags with their commits.'),
    ] });
    return { type: 'root', children };
  }
  children.push({ type: 'paragraph', children: changelog
    ? [text('Newest first, from '), code(changelog), text('.')]
    : [text('There is no changelog, so each release is a git tag with the subjects of its commits since the tag before, newest first.')] });
  for (const notes of releases) children.push(...releaseNodes(notes));
  return { type: 'root', children };
}

function releaseNodes(notes: ReleaseNotes): RootContent[] {
  const when = notes.unreleased ? 'Not released yet' : notes.date ? `Released ${notes.date}` : 'No release date given';
  const facts: PhrasingContent[] = [
    text(when),
    ...(notes.tag ? [text(' as the tag '), code(notes.tag)] : []),
    ...(notes.yanked ? [text('. Yanked: withdrawn after release')] : []),
    text('.'),
    ...(notes.url ? [text(' '), link(notes.url, [text(notes.unreleased ? 'Changes since the last release' : `More about ${notes.version}`)]), text('.')] : []),
  ];
  const nodes: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(notes.version)] },
    { type: 'paragraph', children: facts },
  ];
  if (notes.sections.length === 0) nodes.push({ type: 'paragraph', children: [text('No changes listed.')] });
  for (const section of notes.sections) {
    if (section.title) nodes.push({ type: 'heading', depth: 3, children: [text(section.title)] });
    nodes.push(...section.body.children);
  }
  return nodes;
}
