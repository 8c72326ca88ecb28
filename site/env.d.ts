/// <reference path="../.astro/types.d.ts" />

declare module 'virtual:handover/settings' {
  const settings: import('../scripts/model/schemas/site-settings.ts').SiteSettings;
  export default settings;
}

declare module 'virtual:handover/versions' {
  /** A versioned build's versions (newest first), or null for a site that is not versioned. */
  const versions: { current: string; versions: string[]; root: string } | null;
  export default versions;
}
