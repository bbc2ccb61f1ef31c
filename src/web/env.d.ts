/// <reference types="vite/client" />

/** A part of id.json picked at build time (src/web/i18n/plugin.ts). */
declare module "virtual:simpul-strings/*" {
  const strings: Record<string, unknown>;
  export default strings;
}
