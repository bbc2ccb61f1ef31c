// Encryption of text stored in the clear before a column became `*_enc`. SQL cannot encrypt (the key
// ring is not in the database), so migrations add the `*_enc` columns and this routine, run after the
// migrations (server start, `simpul db migrate`), moves each plaintext value into its ciphertext and
// empties the plaintext column. Idempotent and resumable: each batch is its own transaction, and a row
// is taken only while a plaintext column still holds something.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client";
import { encrypt, type KeyRing } from "./crypto";

export type LegacyColumn = {
  /** The plaintext column (text, or text[] when `list`). */
  plain: string;
  /** The ciphertext column it moves to (a list is sealed as one JSON array). */
  enc: string;
  list?: boolean;
};

export type LegacyTable = {
  table: string;
  columns: LegacyColumn[];
  /** Further columns computed from the row's plaintext (a search index), written in the same update. */
  derive?: (plain: Record<string, string | string[] | null>) => Record<string, SQL>;
};

const hasPlain = (c: LegacyColumn) =>
  c.list ? sql`cardinality(${sql.identifier(c.plain)}) > 0` : sql`${sql.identifier(c.plain)} IS NOT NULL`;

/** Seals every legacy plaintext value of one table; returns the number of rows changed. */
export async function sealLegacyPlaintext(db: Db, keys: KeyRing, spec: LegacyTable, batch = 200): Promise<number> {
  const table = sql.identifier(spec.table);
  const pending = sql.join(spec.columns.map(hasPlain), sql` OR `);
  const select = sql.join(
    spec.columns.map((c) => sql`${sql.identifier(c.plain)} AS ${sql.identifier(c.plain)}`),
    sql`, `,
  );
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const rows = rowsOf<Record<string, string | string[] | null> & { id: string | number }>(
        await tx.execute(sql`SELECT id, ${select} FROM ${table} WHERE ${pending} ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`),
      );
      for (const row of rows) {
        const sets: SQL[] = [];
        for (const c of spec.columns) {
          const v = row[c.plain];
          const empty = v === null || v === undefined || (Array.isArray(v) && v.length === 0);
          const sealed = empty ? null : encrypt(keys, c.list ? JSON.stringify(v) : String(v));
          // A ciphertext written meanwhile by the new code wins over the legacy value.
          sets.push(sql`${sql.identifier(c.enc)} = COALESCE(${sql.identifier(c.enc)}, ${sealed})`);
          sets.push(sql`${sql.identifier(c.plain)} = ${c.list ? sql`'{}'::text[]` : sql`NULL`}`);
        }
        for (const [col, value] of Object.entries(spec.derive?.(row) ?? {})) sets.push(sql`${sql.identifier(col)} = ${value}`);
        await tx.execute(sql`UPDATE ${table} SET ${sql.join(sets, sql`, `)} WHERE id = ${row.id}`);
      }
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}
