import type { HandoverModel } from '../model/build-model.ts';

/**
 * The repo file each generated page comes from (content path -> repo path), as emit names the
 * pages, so a secret found in a page is reported where the team can remove it.
 */
export function contentSources(model: HandoverModel): Map<string, string> {
  const sources = new Map<string, string>();
  if (model.service.readmePath) sources.set('docs/index.mdx', model.service.readmePath);
  for (const adr of model.adrs) sources.set(`docs/adr/${adr.id}.mdx`, adr.source.path);
  for (const runbook of model.runbooks) sources.set(`docs/runbooks/${runbook.id}.mdx`, runbook.source.path);
  for (const item of model.debt) sources.set(`docs/debt/${item.id}.mdx`, item.source.path);
  for (const module of model.apiModules) sources.set(`docs/api/${module.id}.mdx`, module.source.path);
  for (const module of model.training) if (module.source) sources.set(`docs/training/${module.id}.mdx`, module.source.path);
  const changelog = model.releases.find((notes) => notes.source)?.source?.path;
  if (changelog) sources.set('docs/releases.mdx', changelog);
  return sources;
}
