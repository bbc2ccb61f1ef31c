// Vite plugin that writes dist/web/sw.js: the hand-written worker (service-worker.js) with the lists
// of files to keep on the device and a version named after them. Two lists:
// - public (installed for every visitor): the app shell, the pre-rendered home page, and every chunk
//   of the public pages (home, job check with its engine, company and number check, report, status,
//   statistics, sign-in,
//   their strings and the English strings), so they open offline after one visit;
// - console (added only when a recorder of outreach opens the console): the console, the Desa
//   Binaan/outreach area (where the session form lives) and the whole Indonesian strings file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

type Bundle = Parameters<NonNullable<Extract<Plugin["generateBundle"], (...args: never[]) => unknown>>>[1];

const PLACEHOLDER = "self.__SIMPUL_SW_MANIFEST__";

/** Modules whose chunks the offline session form needs, besides the entry. */
export const OFFLINE_MODULES = [
  /\/console\/Console\.tsx$/,
  /\/console\/villages\/ProgrammeArea\.tsx$/,
  /\/i18n\/en\.json$/,
  /\/i18n\/id\.json$/,
];

/** Modules of the public pages, besides the entry: every visitor keeps them. */
export const PUBLIC_MODULES = [
  /\/site\/jobcheck\/(JobCheck|CompanyCheck|NumberCheck)\.tsx$/,
  /\/site\/statistics\/Statistics\.tsx$/,
  /\/site\/report\/(ReportForm|ReportStatus|ReportReceipt)\.tsx$/,
  /\/site\/(Home|SignIn)\.tsx$/,
  /\/core\/jobcheck\/index\.ts$/,
  /simpul-strings\//,
  /\/i18n\/en\.json$/,
];

/** Pages the build writes besides index.html (see src/web/prerender/). */
export const PAGE_FILES = ["/shell.html"];

export function precacheList(bundle: Bundle, roots: readonly RegExp[] = OFFLINE_MODULES): string[] {
  const chunks = Object.values(bundle).flatMap((item) => (item.type === "chunk" ? [item] : []));
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = byFile.get(fileName);
    if (!chunk || files.has(fileName)) return;
    files.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of chunks) {
    if (chunk.isEntry || (chunk.facadeModuleId && roots.some((root) => root.test(chunk.facadeModuleId!)))) visit(chunk.fileName);
  }
  return ["/index.html", ...[...files].sort().map((file) => `/${file}`)];
}

/** The worker's lists: what every visitor keeps, and what the console adds (without the public files). */
export function precacheLists(bundle: Bundle): { precache: string[]; console: string[] } {
  const pub = [...precacheList(bundle, PUBLIC_MODULES), ...PAGE_FILES];
  const inPublic = new Set(pub);
  return { precache: pub, console: precacheList(bundle, OFFLINE_MODULES).filter((file) => !inPublic.has(file)) };
}

/** The worker's list of files and its cache version, which changes whenever a listed file or the shell does. */
export function manifestOf(source: string, bundle: Bundle, pages = ""): { version: string; precache: string[]; console: string[] } {
  const lists = precacheLists(bundle);
  const html = bundle["index.html"];
  const hash = createHash("sha256").update(source).update(JSON.stringify(lists)).update(pages);
  if (html?.type === "asset") hash.update(html.source);
  return { version: hash.digest("hex").slice(0, 16), ...lists };
}

export function serviceWorker(): Plugin {
  const source = readFileSync(new URL("./service-worker.js", import.meta.url), "utf8");
  if (!source.includes(PLACEHOLDER)) throw new Error(`service-worker.js lacks ${PLACEHOLDER}`);
  return {
    name: "simpul-service-worker",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const manifest = manifestOf(source, bundle);
      this.emitFile({ type: "asset", fileName: "sw.js", source: source.replace(PLACEHOLDER, JSON.stringify(manifest)) });
    },
  };
}
