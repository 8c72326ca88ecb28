import type { HandoverConfig } from '../config/schema.ts';
import type { HandoverModel } from '../model/build-model.ts';
import { generateTrainingModules } from '../model/generate-training.ts';
import type { InternalDocument } from './find-internal.ts';

/** The documents a visibility decision applies to: every record kind that becomes its own page. */
export function documentPaths(model: HandoverModel): string[] {
  return [
    ...model.adrs.map((adr) => adr.source.path),
    ...model.runbooks.map((runbook) => runbook.source.path),
    ...model.debt.map((item) => item.source.path),
    ...model.training.flatMap((module) => (module.source && !module.generated ? [module.source.path] : [])),
  ];
}

/**
 * The model a `--public` build shows: internal documents removed, and every reference to them
 * with them (ADR relations, an alert's runbook, a debt item's decision, session modules); the
 * generated training modules are written again from what is left, so none quotes an internal
 * document. Pure; links in the remaining documents' text are dropped by emit (see `hiddenPaths`).
 */
export function applyVisibility(model: HandoverModel, config: HandoverConfig, internal: readonly InternalDocument[]): HandoverModel {
  if (internal.length === 0) return model;
  const hidden = new Set(internal.map((document) => document.path));
  const adrs = model.adrs.filter((adr) => !hidden.has(adr.source.path));
  const adrIds = new Set(adrs.map((adr) => adr.id));
  const keep = (ids: string[]) => ids.filter((id) => adrIds.has(id));
  const visibleAdrs = adrs.map((adr) => ({ ...adr, supersedes: keep(adr.supersedes), supersededBy: keep(adr.supersededBy), amends: keep(adr.amends), amendedBy: keep(adr.amendedBy) }));
  const runbooks = model.runbooks.filter((runbook) => !hidden.has(runbook.source.path));
  const runbookIds = new Set(runbooks.map((runbook) => runbook.id));
  // An alert whose runbook is internal still has one: it is shown as not published here (the
  // same as a runbook kept elsewhere), not as missing, and its URL (a repo path) is not shown.
  const alerts = model.alerts.map((alert) => (alert.runbook && !runbookIds.has(alert.runbook) ? { ...alert, runbook: null, runbookUrl: null, runbookResolution: 'external' as const } : alert));
  const debt = model.debt.filter((item) => !hidden.has(item.source.path)).map((item) => (item.decision && !adrIds.has(item.decision) ? { ...item, decision: null } : item));
  const authored = model.training.filter((module) => !module.generated && !(module.source && hidden.has(module.source.path)));
  const generated = model.training.some((module) => module.generated) && config.training.generate
    ? generateTrainingModules({ adrs: visibleAdrs, alerts, runbooks, debt, apiModules: model.apiModules, authoredTitles: authored.map((module) => module.title) })
    : [];
  const authoredIds = new Set(authored.map((module) => module.id));
  const training = [...authored, ...generated.filter((module) => !authoredIds.has(module.id))];
  const moduleIds = new Set(training.map((module) => module.id));
  const sessions = model.sessions.map((session) => ({ ...session, modules: session.modules.filter((id) => moduleIds.has(id)) }));
  return { ...model, adrs: visibleAdrs, runbooks, alerts, debt, training, sessions };
}
