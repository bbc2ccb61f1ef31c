#!/usr/bin/env node
// Public JS per page, gzip level 9: builds the web app into a temporary folder with Vite's manifest and
// adds up, for each public page, the entry's chunks and the page's own lazy chunk with everything they
// import statically. Chunks a page fetches after it is shown (the job-offer engine, fetched while the
// person types) are listed apart. `node scripts/public-js-size.mjs [--json]`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Budget per page (issue 14): 100 KiB gzip of JavaScript needed to show the page. */
export const BUDGET = 100 * 1024;

// The home page's words left the entry for a chunk of their own (HOME_STRINGS); the pages that wait for
// them count them. The other pages' own string chunks (virtual:simpul-strings/<group>) are not counted.
const HOME_STRINGS = "../../virtual:simpul-strings/home";

export const PAGES = [
  { path: "/", modules: ["site/Home.tsx", HOME_STRINGS] },
  { path: "/cek-lowongan", modules: ["site/jobcheck/JobCheck.tsx", HOME_STRINGS], after: ["../core/jobcheck/index.ts"] },
  { path: "/cek-perusahaan", modules: ["site/jobcheck/CompanyCheck.tsx"] },
  { path: "/lapor", modules: ["site/report/ReportForm.tsx"] },
  { path: "/lapor/status", modules: ["site/report/ReportStatus.tsx"] },
  { path: "/cek-nomor", modules: ["site/jobcheck/NumberCheck.tsx"] },
  { path: "/statistik", modules: ["site/statistics/Statistics.tsx"] },
];

export async function measure() {
  const out = mkdtempSync(join(tmpdir(), "simpul-web-size-"));
  try {
    process.env.NODE_ENV = "production";
    const { build } = await import("vite");
    await build({
      configFile: join(repo, "vite.config.ts"),
      mode: "production",
      logLevel: "error",
      build: { outDir: out, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(join(out, ".vite", "manifest.json"), "utf8"));
    const gz = new Map();
    const sizeOf = (file) => {
      if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(out, file)), { level: 9 }).length);
      return gz.get(file);
    };
    const closure = (keys, into = new Set()) => {
      for (const key of keys) {
        const item = manifest[key];
        if (!item || into.has(item.file)) continue;
        into.add(item.file);
        closure(item.imports ?? [], into);
      }
      return into;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
    return PAGES.map((page) => {
      const atOpen = closure([entry, ...page.modules]);
      const later = [...closure(page.after ?? [])].filter((f) => !atOpen.has(f));
      const sum = (files) => [...files].filter((f) => f.endsWith(".js")).reduce((n, f) => n + sizeOf(f), 0);
      return { path: page.path, atOpen: sum(atOpen), afterOpen: sum(later), files: [...atOpen].filter((f) => f.endsWith(".js")) };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measure();
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
  else {
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    for (const r of rows) {
      const over = r.atOpen > BUDGET ? "  OVER BUDGET" : "";
      console.log(
        `${r.path.padEnd(16)} ${kib(r.atOpen).padStart(10)} at open${r.afterOpen ? `, + ${kib(r.afterOpen)} fetched after` : ""}${over}`,
      );
    }
  }
}
