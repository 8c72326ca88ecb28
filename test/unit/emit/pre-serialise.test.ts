import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';
import { emitContent } from '../../../scripts/emit/emit-content.ts';
import { preSerialise } from '../../../scripts/emit/pre-serialise.ts';
import type { HandoverModel } from '../../../scripts/model/build-model.ts';
import { runChecks } from '../../../scripts/check/run-checks.ts';
import { siteSettings } from '../../../scripts/emit/site-settings.ts';

const DEMO = path.resolve(import.meta.dirname, '..', '..', '..', 'examples', 'demo-service');

describe('pages serialised ahead of emit, from a draft of the model', () => {
  it('are taken where serialising again would give the same text, so the pages come out byte for byte the same', async () => {
    let draft: HandoverModel | null = null;
    let identifiers: ReadonlySet<string> = new Set();
    // Without a cache folder TypeDoc runs, so ingest hands out its draft.
    const ingested = await ingest(DEMO, { onDraft: (model, words) => ((draft = model), (identifiers = words)) });
    expect(draft).not.toBeNull();
    expect(draft!.apiModules).toEqual([]);
    expect(identifiers.has('calculateExpiry')).toBe(true);
    const ahead = await preSerialise(draft!, { base: '/' }).finished();
    expect(ahead.size).toBeGreaterThan(0);
    // Pages whose code spans are words of the TypeScript sources are left for emit.
    const likely = await preSerialise(draft!, { base: '/' }, identifiers).finished();
    expect(likely.size).toBeGreaterThan(0);
    expect(likely.size).toBeLessThan(ahead.size);

    const { report: readiness } = runChecks({ model: ingested.model, config: ingested.config, configFile: ingested.report.config, today: ingested.today });
    const emit = (preSerialised?: ReadonlyMap<string, never>) => emitContent(ingested.model, { repoRoot: DEMO, base: '/', settings: siteSettings(ingested.model, { siteTitle: null, adrFolders: { found: ['docs/adr'], searched: ['docs/adr'] } }), today: ingested.today, readiness, preSerialised });
    const used = new Map([...ahead].map(([key, body]) => [key, { ...body, text: `${body.text}<!-- ahead -->` }]));
    const [withAhead, without] = [await emit(used as never), await emit()];
    const marked = [...withAhead.files].filter(([, text]) => text.includes('<!-- ahead -->'));
    // Taken for pages that name no API symbol; the demo's ADRs that do name one are serialised again.
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThanOrEqual(ahead.size);
    expect(marked.some(([file]) => file.startsWith('docs/runbooks/'))).toBe(true);
    const unmarked = new Map([...withAhead.files].map(([file, text]) => [file, text.replace('<!-- ahead -->', '')]));
    expect(unmarked).toEqual(without.files);
    // Unmarked: the real bodies serialised ahead are the same as emit's.
    expect(await emit(ahead as never).then((result) => result.files)).toEqual(without.files);
  }, 120_000);
});
