// The audit trail: written in the caller's transaction, hash-chained per shard.
//
// A single chain would make every write in the system wait for one row lock (the chain head).
// Instead the chain is split into N shards; a transaction takes one shard at random and locks only
// its head, so N writers proceed in parallel while every record is still covered by a chain.
import { createHash, randomInt } from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/client";
import { auditChainHeads, auditLog } from "../../db/schema";
import { canonicalJson } from "../../lib/canonical-json";

export type AuditActor = { userId: string | null; username: string | null; ip: string | null };
export const SYSTEM_ACTOR: AuditActor = { userId: null, username: "system", ip: null };

export type AuditEntry = {
  action: string;
  resourceType?: string;
  resourceId?: string;
  /** Never put personal data here: ids and field names only. */
  details?: Record<string, unknown>;
};

export function genesisHash(shard: number): string {
  return sha256(`simpul-audit-genesis:${shard}`);
}

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

type HashInput = {
  tenant: string;
  shard: number;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
  details: unknown;
};

export function recordHash(prevHash: string, r: HashInput): string {
  return sha256(
    `${prevHash}\n${canonicalJson({
      tenant: r.tenant,
      shard: r.shard,
      seq: r.seq,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorUsername: r.actorUsername,
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      ip: r.ip,
      details: r.details ?? {},
    })}`,
  );
}

/** Creates missing chain heads; idempotent, run at start. */
export async function ensureAuditShards(db: Db, shards: number): Promise<void> {
  const values = Array.from({ length: shards }, (_, shard) => ({ shard, seq: 0, hash: genesisHash(shard) }));
  await db.insert(auditChainHeads).values(values).onConflictDoNothing();
}

const shardOfTx = new WeakMap<object, number>();

export class AuditWriter {
  constructor(
    private readonly tenant: string,
    private readonly shards: number,
  ) {}

  /** Appends one record inside `tx`. Call it in the same transaction as the change it records. */
  async write(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
    // One shard per transaction: two shards locked by one transaction could deadlock with another.
    let shard = shardOfTx.get(tx);
    if (shard === undefined) {
      shard = randomInt(this.shards);
      shardOfTx.set(tx, shard);
    }
    const head = rowsOf<{ seq: string | number; hash: string }>(
      await tx.execute(sql`SELECT seq, hash FROM audit_chain_heads WHERE shard = ${shard} FOR UPDATE`),
    )[0];
    if (!head) throw new Error(`audit shard ${shard} has no head; ensureAuditShards was not run`);
    const record: HashInput = {
      tenant: this.tenant,
      shard,
      seq: Number(head.seq) + 1,
      at: new Date(),
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: entry.action,
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId ?? null,
      ip: actor.ip,
      details: entry.details ?? {},
    };
    const hash = recordHash(head.hash, record);
    await tx.execute(sql`
      WITH ins AS (
        INSERT INTO audit_log (tenant, shard, seq, at, actor_user_id, actor_username, action, resource_type, resource_id, ip, details, prev_hash, hash)
        VALUES (${record.tenant}, ${shard}, ${record.seq}, ${record.at.toISOString()}, ${record.actorUserId}, ${record.actorUsername},
                ${record.action}, ${record.resourceType}, ${record.resourceId}, ${record.ip}, ${JSON.stringify(record.details)}::jsonb,
                ${head.hash}, ${hash})
        RETURNING seq, hash
      )
      UPDATE audit_chain_heads h SET seq = ins.seq, hash = ins.hash FROM ins WHERE h.shard = ${shard}`);
  }
}

export type VerifyResult =
  | { ok: true; records: number; shards: number }
  | { ok: false; records: number; firstBroken: { id: number; shard: number; seq: number; reason: string } };

/** Walks every shard's chain; reports the earliest (lowest id) record whose link or hash is wrong. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.shard));
  let records = 0;
  let firstBroken: { id: number; shard: number; seq: number; reason: string } | undefined;
  const note = (b: { id: number; shard: number; seq: number; reason: string }) => {
    if (!firstBroken || b.id < firstBroken.id) firstBroken = b;
  };
  for (const head of heads) {
    let prevHash = genesisHash(head.shard);
    let expectedSeq = 1;
    let lastSeq = 0;
    let broken = false;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.shard, head.shard), gt(auditLog.seq, lastSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(batchSize);
      for (const r of rows) {
        records++;
        if (broken) continue;
        const at = r.at instanceof Date ? r.at : new Date(r.at);
        const where = { id: r.id, shard: r.shard, seq: r.seq };
        if (r.seq !== expectedSeq) {
          note({ ...where, reason: `missing record before seq ${r.seq} (expected ${expectedSeq})` });
          broken = true;
        } else if (r.prevHash !== prevHash) {
          note({ ...where, reason: "prev_hash does not match the previous record" });
          broken = true;
        } else if (recordHash(prevHash, { ...r, at }) !== r.hash) {
          note({ ...where, reason: "content does not match its hash (record altered)" });
          broken = true;
        }
        prevHash = r.hash;
        expectedSeq = r.seq + 1;
      }
      if (rows.length < batchSize) break;
      lastSeq = rows[rows.length - 1]!.seq;
    }
    if (!broken && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
      note({ id: Number.MAX_SAFE_INTEGER, shard: head.shard, seq: head.seq, reason: "chain head does not match the last record (records removed at the end)" });
    }
  }
  return firstBroken ? { ok: false, records, firstBroken } : { ok: true, records, shards: heads.length };
}
