// The orphan-file sweep every store of uploaded files shares. A file is durable before its row commits,
// so a crash in between leaves a file no row names; each feature runs this over its own folder from its
// own job (reports.jobs.ts, cases.jobs.ts, outreach.jobs.ts), naming the column that references files.
import { inArray, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, rowsOf } from "../../db/client";
import { AttachmentStore } from "./attachments";

/** Files younger than this are never treated as orphans: a put() is followed by its row's commit within moments. */
export const ORPHAN_FILE_GRACE_MS = 6 * 3_600_000;

const BATCH = 500;

/** A store of uploaded files: its folder in the data directory and the column that holds each file's name. */
export type FileKind = { folder: string; sha256: PgColumn };

/**
 * Removes files of one store that no committed row references and that are older than the grace
 * period: a file written just before a crash, whose upload row never committed, and temp files of
 * interrupted writes. A file is checked against the database in batches and its mtime is checked
 * again just before removal (a new upload of the same content refreshes it).
 */
export async function sweepOrphanFiles(db: Db, dataDir: string, kind: FileKind, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ORPHAN_FILE_GRACE_MS);
  const store = new AttachmentStore(dataDir, kind.folder);
  let removed = 0;
  let batch: string[] = [];
  const sweep = async () => {
    if (batch.length === 0) return;
    const used = rowsOf<{ sha256: string }>(
      await db.execute(sql`SELECT DISTINCT ${kind.sha256} AS sha256 FROM ${kind.sha256.table} WHERE ${inArray(kind.sha256, batch)}`),
    );
    const referenced = new Set(used.map((u) => u.sha256));
    for (const sha of batch) {
      if (!referenced.has(sha) && (await store.remove(sha, cutoff))) removed++;
    }
    batch = [];
  };
  for await (const f of store.files()) {
    if (f.mtime >= cutoff) continue;
    if (!f.sha256) {
      if (await store.removeTemp(f.file, cutoff)) removed++;
      continue;
    }
    batch.push(f.sha256);
    if (batch.length >= BATCH) await sweep();
  }
  await sweep();
  return removed;
}
