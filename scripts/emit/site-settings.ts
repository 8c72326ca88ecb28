import type { HandoverModel } from '../model/build-model.ts';
import type { SiteSettings } from '../model/schemas/site-settings.ts';

/**
 * What the Astro config needs to know about the site (`site.json`): its title, description and
 * repository, and the sidebar's sections (one link or group per kind of record the model has,
 * never one per document). Known once the model is, before any page is written, so `handover
 * build` can hand it to Astro's process while the pages are still being emitted.
 */
export function siteSettings(model: HandoverModel, options: { siteTitle: string | null; adrFolders: SiteSettings['adr'] }): SiteSettings {
  const { service } = model;
  return {
    title: options.siteTitle ?? `${service.name} handover`,
    description: service.description,
    repoUrl: service.repoUrl,
    sections: [
      { label: 'Overview', link: '/' },
      { label: 'Readiness', link: '/readiness/' },
      { label: 'Decisions (ADRs)', link: '/adr/' },
      ...(model.runbooks.length + model.alerts.length > 0
        ? [{ label: 'Operations', items: [{ label: 'Runbooks', link: '/runbooks/' }, { label: 'Alerts', link: '/alerts/' }] }]
        : []),
      ...(model.apiModules.length > 0 ? [{ label: 'API reference', link: '/api/' }] : []),
      ...(model.training.length > 0
        ? [{ label: 'Training and handover', items: [{ label: 'Learning path', link: '/training/' }, ...(model.sessions.length > 0 ? [{ label: 'Sessions', link: '/sessions/' }] : []), { label: 'Sign-off', link: '/sign-off/' }] }]
        : []),
      ...(model.debt.length + model.codeMarkers.length > 0
        ? [{ label: 'Technical debt', items: [{ label: 'Debt register', link: '/debt/' }, { label: 'Debt in code', link: '/debt/code-markers/' }] }]
        : []),
      { label: 'Releases', link: '/releases/' },
    ],
    adr: options.adrFolders,
  };
}
