import type { HandoverModel } from '../model/build-model.ts';
import type { Service } from '../model/schemas/service.ts';

/** Site path (relative to the base) of an ADR's page. */
export function adrPagePath(id: string): string {
  return `adr/${id}/`;
}

/** Maps every repo file that becomes a page to its site path, for rewriting links between them. */
export function pageIndex(model: HandoverModel): Map<string, string> {
  const pages = new Map<string, string>();
  if (model.service.readmePath) pages.set(model.service.readmePath, '');
  for (const adr of model.adrs) pages.set(adr.source.path, adrPagePath(adr.id));
  for (const runbook of model.runbooks) pages.set(runbook.source.path, `runbooks/${runbook.id}/`);
  for (const module of model.training) if (module.source) pages.set(module.source.path, `training/${module.id}/`);
  for (const item of model.debt) if (item.body && !pages.has(item.source.path)) pages.set(item.source.path, `debt/${item.id}/`);
  // A register file (many items) links to the register page.
  for (const item of model.debt) if (!pages.has(item.source.path)) pages.set(item.source.path, 'debt/');
  return pages;
}

/** Web URL of a repo file at the built branch, or null when the repo URL is unknown. */
export function sourceUrl(service: Service, repoPath: string | null): string | null {
  if (!service.repoUrl || !repoPath) return null;
  return `${service.repoUrl}/blob/${encodeURI(service.branch)}/${repoPath.split('/').map(encodeURIComponent).join('/')}`;
}
