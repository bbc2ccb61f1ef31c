import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/client";
import { licenceKeyOf, normaliseCompanyName } from "./p3mi.normalise";
import { type P3miCompanyRow, p3miCompanies } from "./p3mi.tables";

export type P3miValues = Omit<typeof p3miCompanies.$inferInsert, "id" | "createdAt" | "updatedAt">;

export async function findByLicenceKeys(db: Db, keys: string[]): Promise<P3miCompanyRow[]> {
  if (keys.length === 0) return [];
  return db.select().from(p3miCompanies).where(inArray(p3miCompanies.licenceKey, keys));
}

export async function insertCompanies(db: Db, values: P3miValues[]): Promise<void> {
  if (values.length > 0) await db.insert(p3miCompanies).values(values);
}

export async function updateCompany(db: Db, licenceKey: string, values: P3miValues): Promise<void> {
  await db
    .update(p3miCompanies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(p3miCompanies.licenceKey, licenceKey));
}

const LIKE_ESCAPE = /[\\%_]/g;

/**
 * Name or licence-number search. A query with a digit also matches licence numbers regardless of
 * spacing and punctuation; names match by substring, then by trigram similarity (typos).
 */
export async function searchCompanies(db: Db, q: string, limit: number, today: string): Promise<P3miCompanyRow[]> {
  const name = normaliseCompanyName(q);
  const key = /\d/.test(q) ? licenceKeyOf(q) : "";
  const conditions = [];
  if (name) {
    conditions.push(sql`${p3miCompanies.nameNormalised} LIKE ${`%${name.replace(LIKE_ESCAPE, "\\$&")}%`}`);
    if (name.length >= 3) conditions.push(sql`${p3miCompanies.nameNormalised} % ${name}`);
  }
  if (key.length >= 3) conditions.push(sql`${p3miCompanies.licenceKey} LIKE ${`%${key}%`}`);
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(p3miCompanies)
    .where(sql.join(conditions, sql` OR `))
    .orderBy(
      sql`CASE WHEN ${p3miCompanies.licenceKey} = ${key} THEN 0 WHEN ${p3miCompanies.nameNormalised} = ${name} THEN 1
        WHEN ${p3miCompanies.nameNormalised} LIKE ${`${name.replace(LIKE_ESCAPE, "\\$&")}%`} THEN 2
        WHEN ${p3miCompanies.nameNormalised} LIKE ${`%${name.replace(LIKE_ESCAPE, "\\$&")}%`} THEN 3 ELSE 4 END`,
      // Among equally good matches, companies that may recruit come first.
      sql`CASE WHEN ${p3miCompanies.status} = 'active' AND (${p3miCompanies.validUntil} IS NULL OR ${p3miCompanies.validUntil} >= ${today}) THEN 0 ELSE 1 END`,
      sql`similarity(${p3miCompanies.nameNormalised}, ${name}) DESC`,
      asc(p3miCompanies.name),
    )
    .limit(limit);
}

/** What the in-memory index needs, for every company. */
export async function listForIndex(db: Db) {
  return db
    .select({
      name: p3miCompanies.name,
      nameNormalised: p3miCompanies.nameNormalised,
      licenceNumber: p3miCompanies.licenceNumber,
      licenceKey: p3miCompanies.licenceKey,
      status: p3miCompanies.status,
      validUntil: p3miCompanies.validUntil,
    })
    .from(p3miCompanies);
}

/** Changes whenever a row is added or updated (the import never deletes): cheap to poll. */
export async function registrySignature(db: Db): Promise<string> {
  const [row] = rowsOf<{ n: number; at: string | Date | null }>(
    await db.execute(sql`SELECT count(*)::int AS n, max(${p3miCompanies.updatedAt}) AS at FROM ${p3miCompanies}`),
  );
  const at = row?.at instanceof Date ? row.at.toISOString() : String(row?.at ?? "");
  return `${row?.n ?? 0}@${at}`;
}
