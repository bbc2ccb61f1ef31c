/**
 * `simpul import boundaries FILE.geojson [--level desa|kecamatan] [--property code]`: stores each
 * feature's geometry in `regions.boundary`, matched by Kemendagri code. Re-running replaces the
 * geometry. Features that match no region (unknown code, other level, no geometry) are listed.
 */
import fs from "node:fs";
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { isRegionCode, regionLevelOf } from "../../core/regions";
import { regions } from "../../server/db/schema";
import type { AppContext } from "../../server/context";
import type { AuditActor } from "../../server/modules/audit/audit.service";
import { CliError, progressBar, withContext } from "../context";
import { importCommand } from "./import";

const CLI_ACTOR: AuditActor = { userId: null, username: "cli", ip: null };
const GEOMETRY_TYPES = new Set(["Polygon", "MultiPolygon"]);

export type ImportBoundariesOptions = { level?: "desa" | "kecamatan"; property?: string };
export type BoundaryReport = { features: number; matched: number; unmatched: { index: number; code: string | null; reason: string }[] };

/** "3604122001" → "36.04.12.2001"; dotted codes pass through. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const s = String(raw).trim();
  if (isRegionCode(s)) return s;
  const m = /^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/.exec(s);
  if (!m) return null;
  return [m[1], m[2], m[3], m[4]].filter(Boolean).join(".");
}

export async function runImportBoundaries(
  ctx: AppContext,
  file: string,
  opts: ImportBoundariesOptions,
  out: (line: string) => void = console.log,
  onProgress: (done: number, total: number) => void = progressBar("Mengimpor batas wilayah"),
): Promise<BoundaryReport> {
  if (opts.level && opts.level !== "desa" && opts.level !== "kecamatan")
    throw new CliError(`--level harus desa atau kecamatan, bukan "${opts.level}".`);
  let doc: any;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new CliError(`Berkas GeoJSON tidak dapat dibaca: ${file} (${(err as Error).message})`);
  }
  const features: any[] =
    doc?.type === "FeatureCollection" && Array.isArray(doc.features) ? doc.features : doc?.type === "Feature" ? [doc] : [];
  if (features.length === 0) throw new CliError("Berkas bukan GeoJSON FeatureCollection atau tidak berisi fitur.");
  const property = opts.property ?? "code";

  // Candidates first, then one query to know which codes exist at which level.
  const candidates = features.map((f, index) => ({ index, code: normaliseCode(f?.properties?.[property]), geometry: f?.geometry }));
  const codes = [...new Set(candidates.map((c) => c.code).filter((c): c is string => !!c))];
  const known = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    const rows = await ctx.db
      .select({ code: regions.code, level: regions.level })
      .from(regions)
      .where(
        sql`${regions.code} IN (${sql.join(
          chunk.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
    for (const r of rows) known.set(r.code, r.level);
  }

  const report: BoundaryReport = { features: features.length, matched: 0, unmatched: [] };
  const toStore: { code: string; geometry: unknown }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const miss = (reason: string) => report.unmatched.push({ index: c.index, code: c.code, reason });
    if (!c.code) miss(`properti "${property}" kosong atau bukan kode Kemendagri`);
    else if (!known.has(c.code)) miss("kode tidak ada di data wilayah");
    else if (opts.level && known.get(c.code) !== opts.level) miss(`bukan tingkat ${opts.level} (${regionLevelOf(c.code) ?? "?"})`);
    else if (!opts.level && known.get(c.code) !== "desa" && known.get(c.code) !== "kecamatan") miss("bukan desa atau kecamatan");
    else if (!c.geometry || !GEOMETRY_TYPES.has(c.geometry.type) || !Array.isArray(c.geometry.coordinates))
      miss("geometri bukan Polygon/MultiPolygon");
    else if (seen.has(c.code)) miss("kode muncul lebih dari sekali");
    else {
      seen.add(c.code);
      toStore.push({ code: c.code, geometry: { type: c.geometry.type, coordinates: c.geometry.coordinates } });
    }
  }

  await ctx.withAudit(
    CLI_ACTOR,
    {
      action: "regions.import_boundaries",
      resourceType: "region",
      details: { file: file.split("/").pop(), level: opts.level ?? null, matched: toStore.length, unmatched: report.unmatched.length },
    },
    async (tx) => {
      onProgress(0, toStore.length);
      for (let i = 0; i < toStore.length; i += 50) {
        const chunk = toStore.slice(i, i + 50);
        const values = sql.join(
          chunk.map((r) => sql`(${r.code}, ${JSON.stringify(r.geometry)}::jsonb)`),
          sql`, `,
        );
        await tx.execute(sql`UPDATE regions SET boundary = v.b FROM (VALUES ${values}) AS v(code, b) WHERE regions.code = v.code`);
        onProgress(Math.min(i + chunk.length, toStore.length), toStore.length);
      }
    },
  );
  report.matched = toStore.length;

  const n = (x: number) => x.toLocaleString("id-ID");
  out(`Fitur dibaca: ${n(report.features)}; cocok dan disimpan: ${n(report.matched)}; tidak cocok: ${n(report.unmatched.length)}`);
  if (report.unmatched.length) {
    out("Fitur yang tidak cocok dengan wilayah mana pun:");
    for (const u of report.unmatched.slice(0, 200)) out(`  fitur #${u.index + 1}${u.code ? ` (${u.code})` : ""}: ${u.reason}`);
    if (report.unmatched.length > 200) out(`  … dan ${n(report.unmatched.length - 200)} lainnya`);
  }
  return report;
}

export function registerImportBoundaries(program: Command): void {
  importCommand(program)
    .command("boundaries")
    .description("Impor batas wilayah (GeoJSON) untuk peta, dicocokkan dengan kode Kemendagri")
    .argument("<file>", "berkas .geojson (FeatureCollection dengan Polygon/MultiPolygon)")
    .option("--level <level>", "hanya tingkat ini: desa atau kecamatan (bawaan: keduanya, menurut kode)")
    .option("--property <name>", "nama properti yang berisi kode wilayah", "code")
    .action(async (file: string, opts: ImportBoundariesOptions) =>
      withContext(async (ctx) => void (await runImportBoundaries(ctx, file, opts))),
    );
}
