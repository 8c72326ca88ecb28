/// <reference path="../.astro/types.d.ts" />

declare module 'virtual:handover/settings' {
  const settings: import('../scripts/model/schemas/site-settings.ts').SiteSettings;
  export default settings;
}
