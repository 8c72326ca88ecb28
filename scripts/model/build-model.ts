import path from 'node:path';
import type { HandoverConfig } from '../config/schema.ts';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ServiceFact } from '../sources/service/service-fact.ts';
import { linkAdrs } from './link-adrs.ts';
import type { Adr } from './schemas/adr.ts';
import type { Service } from './schemas/service.ts';

/** Everything the site shows, with links between records resolved. */
export interface HandoverModel {
  service: Service;
  adrs: Adr[];
}

/** Records from every source, grouped by kind, as the sources produced them. */
export interface SourceRecords {
  adr: Adr[];
  service: ServiceFact[];
}

/** Builds the linked model from source records and the config; pure. */
export function buildModel(records: SourceRecords, config: HandoverConfig, repoRoot: string): { model: HandoverModel; diagnostics: Diagnostic[] } {
  const { adrs, diagnostics } = linkAdrs(records.adr);
  if (adrs.length === 0) {
    diagnostics.push(createDiagnostic({ file: null }, {
      severity: 'info',
      code: 'adr/none-found',
      message: 'No architecture decision records were found.',
      hint: 'Handover looks in docs/adr, docs/decisions, docs/architecture/decisions and other usual folders (see the README); set `adr.paths` in handover.config.yaml to point at yours.',
    }));
  }
  return { model: { service: buildService(records.service, config, repoRoot), adrs }, diagnostics };
}

function buildService(facts: ServiceFact[], config: HandoverConfig, repoRoot: string): Service {
  const packageFact = facts.find((fact) => fact.kind === 'package');
  const readme = facts.find((fact) => fact.kind === 'readme');
  const remote = facts.find((fact) => fact.kind === 'git-remote');
  const head = facts.find((fact) => fact.kind === 'git-head');
  return {
    kind: 'service',
    id: 'service',
    name: config.service.name ?? packageFact?.name ?? path.basename(path.resolve(repoRoot)),
    version: packageFact?.version ?? null,
    description: config.service.description ?? packageFact?.description ?? null,
    repoUrl: config.service.repoUrl?.replace(/\/$/, '') ?? packageFact?.repoUrl ?? remote?.repoUrl ?? null,
    branch: config.service.branch ?? head?.branch ?? 'main',
    readmePath: readme?.path ?? null,
    readme: readme?.body ?? null,
  };
}
