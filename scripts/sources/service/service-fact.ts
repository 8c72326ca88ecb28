import type { Root } from 'mdast';

/** What one file says about the service; the model merges these with the config. */
export type ServiceFact =
  | { kind: 'readme'; path: string; body: Root }
  | { kind: 'package'; path: string; name: string | null; version: string | null; description: string | null; repoUrl: string | null }
  | { kind: 'git-remote'; path: string; repoUrl: string | null }
  | { kind: 'git-head'; path: string; branch: string | null };
