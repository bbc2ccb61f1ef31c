// Encryption key rotation. A ciphertext names its key (v1.<keyId>.…), so old and new keys can live side
// by side: rotation makes a new current key, keeps the old one as "retired" (decrypt only), then
// re-encrypts every `*_enc` column of every table under the new key. The keyed-hash key (blind indexes,
// report PIN hashes) is pinned in its own file and never rotated: hashes of values that are not stored
// (PINs) could not be recomputed, and search by NIK or phone must keep working.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client";
import { decrypt, encrypt, type KeyRing, keyIdOf, MAC_KEY_FILE, RETIRED_KEYS_FILE } from "./crypto";

export type EncryptedColumn = { table: string; column: string };

/** Every text column named `*_enc` in a table with an `id` column: the encrypted fields of all modules. */
export async function encryptedColumns(db: Db): Promise<EncryptedColumn[]> {
  const rows = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`SELECT c.table_name, c.column_name FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.column_name LIKE '%\\_enc' ESCAPE '\\' AND c.data_type = 'text'
        AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = 'id')
      ORDER BY c.table_name, c.column_name`),
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

/** How many ciphertexts each key id protects, per column. */
export async function ciphertextsByKey(db: Db): Promise<{ table: string; column: string; keyId: string; count: number }[]> {
  const out: { table: string; column: string; keyId: string; count: number }[] = [];
  for (const { table, column } of await encryptedColumns(db)) {
    const col = sql.identifier(column);
    const rows = rowsOf<{ k: string; n: number }>(
      await db.execute(
        sql`SELECT split_part(${col}, '.', 2) AS k, count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${col} IS NOT NULL GROUP BY 1`,
      ),
    );
    for (const r of rows) out.push({ table, column, keyId: r.k, count: Number(r.n) });
  }
  return out;
}

/**
 * Re-encrypts every ciphertext not under `ring.id` with the current key, in batches, each batch in its
 * own transaction. Idempotent: a run that stops half-way is finished by running it again.
 */
export async function reencryptAll(
  db: Db,
  ring: KeyRing,
  opts: { batch?: number; onProgress?: (c: EncryptedColumn, done: number) => void } = {},
) {
  const batch = opts.batch ?? 500;
  const counts: Record<string, number> = {};
  for (const c of await encryptedColumns(db)) {
    const col = sql.identifier(c.column);
    const table = sql.identifier(c.table);
    let done = 0;
    for (;;) {
      const n = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const rows = rowsOf<{ id: string | number; v: string }>(
          await tx.execute(sql`SELECT id, ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL AND split_part(${col}, '.', 2) <> ${ring.id}
            ORDER BY id LIMIT ${batch} FOR UPDATE`),
        );
        for (const r of rows) {
          const fresh = encrypt(ring, decrypt(ring, r.v));
          await tx.execute(sql`UPDATE ${table} SET ${col} = ${fresh} WHERE id = ${r.id}`);
        }
        return rows.length;
      });
      done += n;
      opts.onProgress?.(c, done);
      if (n < batch) break;
    }
    if (done) counts[`${c.table}.${c.column}`] = done;
  }
  return counts;
}

function writeSecretFile(file: string, content: string, flag: "w" | "a"): void {
  const fd = fs.openSync(file, flag, 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(file, 0o600);
}

/**
 * Key-file mode: pins the keyed-hash key (first rotation only), retires the current key, and installs a
 * new random key as `secret.key` (written to a temporary file, then renamed). Returns the new key id.
 */
export function rotateKeyFiles(dataDir: string, ring: KeyRing): string {
  const macFile = path.join(dataDir, MAC_KEY_FILE);
  if (!fs.existsSync(macFile)) writeSecretFile(macFile, (ring.macKey ?? ring.current).toString("base64"), "w");
  writeSecretFile(path.join(dataDir, RETIRED_KEYS_FILE), `${ring.current.toString("base64")}\n`, "a");
  const next = randomBytes(32);
  const tmp = path.join(dataDir, "secret.key.new");
  writeSecretFile(tmp, next.toString("base64"), "w");
  fs.renameSync(tmp, path.join(dataDir, "secret.key"));
  return keyIdOf(next);
}
