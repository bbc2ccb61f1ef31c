import { and, asc, eq, like, sql } from "drizzle-orm";
import type { RegionLevel } from "../../../core/regions";
import type { Db } from "../../db/client";
import { regions } from "../../db/schema";

export type RegionRow = { code: string; name: string; level: RegionLevel; parentCode: string | null };
const cols = { code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode };

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select(cols).from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function listChildren(db: Db, code: string): Promise<RegionRow[]> {
  return db.select(cols).from(regions).where(eq(regions.parentCode, code)).orderBy(asc(regions.code));
}

/** Name search: prefix and substring matches first, then trigram-similar names (typos). */
export async function searchRegions(
  db: Db,
  q: string,
  opts: { level?: RegionLevel; within?: string; limit: number },
): Promise<RegionRow[]> {
  const needle = q.trim().toLowerCase();
  const filters = [
    opts.level ? eq(regions.level, opts.level) : undefined,
    opts.within ? like(regions.code, `${opts.within}.%`) : undefined,
    sql`(lower(${regions.name}) LIKE ${`%${needle.replace(/[\\%_]/g, "\\$&")}%`} OR lower(${regions.name}) % ${needle})`,
  ].filter(Boolean);
  return db
    .select(cols)
    .from(regions)
    .where(and(...filters))
    .orderBy(
      sql`CASE WHEN lower(${regions.name}) = ${needle} THEN 0 WHEN lower(${regions.name}) LIKE ${`${needle}%`} THEN 1 WHEN lower(${regions.name}) LIKE ${`%${needle}%`} THEN 2 ELSE 3 END`,
      sql`similarity(lower(${regions.name}), ${needle}) DESC`,
      asc(regions.code),
    )
    .limit(opts.limit);
}

/** Verifies that every code exists; returns the unknown ones. */
export async function unknownRegionCodes(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .select({ code: regions.code })
    .from(regions)
    .where(
      sql`${regions.code} IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}
