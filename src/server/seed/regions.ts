// Loads the Kemendagri region hierarchy from the idn-area-data package (data: ODbL 1.0).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { RegionLevel } from "../../core/regions";
import { type Database, type Db, rowsOf } from "../db/client";
import { parseCsvObjects } from "../lib/csv";

const require = createRequire(import.meta.url);

function dataDir(): string {
  return path.join(path.dirname(require.resolve("idn-area-data/package.json")), "data");
}

type Row = { code: string; name: string; level: RegionLevel; parentCode: string | null };

/** `only`: "all", or a comma list of province codes (tests load just Banten, "36"). */
export function readRegionRows(only = "all"): Row[] {
  const dir = dataDir();
  const provinces = only === "all" ? null : new Set(only.split(",").map((s) => s.trim()));
  const keep = (code: string) => !provinces || provinces.has(code.slice(0, 2));
  const read = (file: string) => parseCsvObjects(fs.readFileSync(path.join(dir, file), "utf8"));
  const rows: Row[] = [];
  for (const r of read("provinces.csv"))
    if (keep(r.code!)) rows.push({ code: r.code!, name: r.name!, level: "province", parentCode: null });
  for (const r of read("regencies.csv"))
    if (keep(r.code!)) rows.push({ code: r.code!, name: r.name!, level: "regency", parentCode: r.province_code! });
  for (const r of read("districts.csv"))
    if (keep(r.code!)) rows.push({ code: r.code!, name: r.name!, level: "kecamatan", parentCode: r.regency_code! });
  for (const r of read("villages.csv"))
    if (keep(r.code!)) rows.push({ code: r.code!, name: r.name!, level: "desa", parentCode: r.district_code! });
  return rows;
}

const BATCH = 10_000;

/**
 * Upserts regions in large batches: each statement sends four arrays and unnests them server-side,
 * so 90,000 rows take a handful of round trips instead of 90,000.
 */
export async function importRegions(db: Db, rows: Row[], onProgress?: (done: number, total: number) => void): Promise<number> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const arr = (xs: (string | null)[]) =>
      `{${xs.map((x) => (x === null ? "NULL" : `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
    await db.execute(sql`
      INSERT INTO regions (code, name, level, parent_code)
      SELECT * FROM unnest(${arr(chunk.map((r) => r.code))}::text[], ${arr(chunk.map((r) => r.name))}::text[],
                           ${arr(chunk.map((r) => r.level))}::text[], ${arr(chunk.map((r) => r.parentCode))}::text[])
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`);
    onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
  }
  return rows.length;
}

const tsvField = (v: string | null) => (v === null ? "\\N" : v.replace(/[\\\t\n\r]/g, " "));

/**
 * First load into an empty table: the trigram index is dropped and rebuilt once afterwards
 * (building it row by row is most of the cost), and PGlite loads through COPY.
 */
export async function loadRegions(database: Database, rows: Row[], onProgress?: (done: number, total: number) => void): Promise<number> {
  const db = database.db;
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM regions`)) as [{ n: number }];
  if (n > 0) return importRegions(db, rows, onProgress);
  await db.execute(sql`DROP INDEX IF EXISTS regions_name_trgm_idx`);
  if (database.copyIn) {
    const tsv = rows.map((r) => [r.code, r.name, r.level, r.parentCode].map(tsvField).join("\t")).join("\n") + "\n";
    await database.copyIn("regions", ["code", "name", "level", "parent_code"], tsv);
    onProgress?.(rows.length, rows.length);
  } else {
    await importRegions(db, rows, onProgress);
  }
  await db.execute(sql`CREATE INDEX IF NOT EXISTS regions_name_trgm_idx ON regions USING gin (lower(name) gin_trgm_ops)`);
  return rows.length;
}
