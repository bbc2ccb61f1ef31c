// The audit trail: written in the caller's transaction, hash-chained per shard.
//
// A single chain makes every write in the system wait for one row lock (the chain head): measured
// here, it cut write throughput to a sixth. Instead the chain is split into N shards. A transaction
// appends to whichever shard head is free (FOR UPDATE SKIP LOCKED), so writers never queue behind each
// other while every record is still covered by a chain. Appending is one statement: the hash is
// computed by the database (sha256) from the locked head, so the audit adds a single round trip.
import { createHash, randomInt } from "node:crypto";
import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/client";
import { auditChainHeads, auditLog } from "../../db/schema";
import { canonicalJson } from "../../lib/canonical-json";
import type { AuditActor } from "../../auth/principal";

export type { AuditActor } from "../../auth/principal";
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
  return createHash("sha256").update(s, "utf8").digest("hex");
}

type Payload = {
  tenant: string;
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
  details: unknown;
};

/** The canonical text of a record's content; the chain hash covers it, the shard position and the previous hash. */
export function payloadText(r: Payload): string {
  return canonicalJson({
    tenant: r.tenant,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorUsername: r.actorUsername,
    action: r.action,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    ip: r.ip,
    details: r.details ?? {},
  });
}

/** Must match the SQL in AuditWriter.write: sha256(prev || '\n' || seq || '\n' || payload). */
export function recordHash(prevHash: string, seq: number, payload: string): string {
  return sha256(`${prevHash}\n${seq}\n${payload}`);
}

/** Creates missing chain heads; idempotent, run at start. */
export async function ensureAuditShards(db: Db, shards: number): Promise<void> {
  const values = Array.from({ length: shards }, (_, shard) => ({ shard, seq: 0, hash: genesisHash(shard) }));
  await db.insert(auditChainHeads).values(values).onConflictDoNothing();
}

const shardOfTx = new WeakMap<object, number>();

/** A record ready to append: its fields and the canonical text its hash covers. */
export type PreparedRecord = { record: Payload; payload: string };

export class AuditWriter {
  constructor(
    private readonly tenant: string,
    private readonly shards: number,
  ) {}

  prepare(actor: AuditActor, entry: AuditEntry, at = new Date()): PreparedRecord {
    const record: Payload = {
      tenant: this.tenant,
      at,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: entry.action,
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId ?? null,
      ip: actor.ip,
      details: entry.details ?? {},
    };
    return { record, payload: payloadText(record) };
  }

  /** Head choice: any free head, starting at a random one (one row most of the time), or none. */
  pickFree(guard: SQL = sql`TRUE`): SQL {
    const offset = randomInt(this.shards);
    return sql`WHERE ${guard} AND shard < ${this.shards} ORDER BY (shard + ${offset}) % ${this.shards} LIMIT 1 FOR UPDATE SKIP LOCKED`;
  }

  /** Head choice: a random head, waiting for its lock (when every head is busy). */
  pickWait(guard: SQL = sql`TRUE`): SQL {
    return sql`WHERE ${guard} AND shard = ${randomInt(this.shards)} FOR UPDATE`;
  }

  /**
   * The CTEs `audit_h`, `audit_ins`, `audit_up` that append `rec` to the head chosen by `pick`, for
   * composing into a larger statement (`WITH …, ${ctes} SELECT …`); `audit_up` returns the shard used,
   * no row when no head was taken. The database computes the hash from the locked head.
   */
  appendCtes(rec: PreparedRecord, pick: SQL): SQL {
    const r = rec.record;
    return sql`audit_h AS (
          SELECT shard, seq + 1 AS seq, hash AS prev FROM audit_chain_heads ${pick}
        ), audit_ins AS (
          INSERT INTO audit_log (tenant, shard, seq, at, actor_user_id, actor_username, action, resource_type, resource_id, ip, details, prev_hash, hash)
          SELECT ${r.tenant}, h.shard, h.seq, ${r.at.toISOString()}, ${r.actorUserId}, ${r.actorUsername}, ${r.action}, ${r.resourceType},
                 ${r.resourceId}, ${r.ip}, ${JSON.stringify(r.details)}::jsonb, h.prev,
                 encode(sha256(convert_to(h.prev || E'\\n' || h.seq::text || E'\\n' || ${rec.payload}, 'UTF8')), 'hex')
          FROM audit_h h
          RETURNING shard, seq, hash
        ), audit_up AS (
          UPDATE audit_chain_heads c SET seq = ins.seq, hash = ins.hash FROM audit_ins ins WHERE c.shard = ins.shard
          RETURNING c.shard
        )`;
  }

  /**
   * The CTEs that append many records to one chain in one statement, in the order given, keeping only
   * those whose resourceId `keep` returns (e.g. the rows a multi-row INSERT … ON CONFLICT DO NOTHING
   * really wrote). The statement must begin `WITH RECURSIVE`: the hashes are chained by a recursive
   * CTE, each computed by the database from the one before, exactly as `appendCtes` and `recordHash`.
   * (Kept apart from `appendCtes` on purpose: routing every audited write through this form measured
   * about a quarter slower in `npm run bench -- foundation`; both forms are checked by verifyAuditChain
   * in the audit and intake tests.)
   * Defines `audit_in`, `audit_h`, `audit_chain`, `audit_ins`, `audit_up`; `audit_up` returns the shard,
   * no row when nothing was kept or no head was taken.
   */
  appendManyCtes(recs: PreparedRecord[], keep: SQL, pick: SQL): SQL {
    const rows = recs.map((rec, ord) => ({ ord, ...rec.record, at: rec.record.at.toISOString(), payload: rec.payload }));
    return sql`audit_in AS (
          SELECT row_number() OVER (ORDER BY x.ord) AS i, x.*
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(ord int, tenant text, at timestamptz, "actorUserId" uuid,
            "actorUsername" text, action text, "resourceType" text, "resourceId" text, ip text, details jsonb, payload text)
          WHERE x."resourceId" IN (${keep})
        ), audit_h AS (
          SELECT shard, seq, hash FROM audit_chain_heads ${pick}
        ), audit_chain AS (
          SELECT 0::bigint AS i, h.seq, h.hash, NULL::text AS prev FROM audit_h h
          UNION ALL
          SELECT a.i, c.seq + 1, encode(sha256(convert_to(c.hash || E'\\n' || (c.seq + 1)::text || E'\\n' || a.payload, 'UTF8')), 'hex'), c.hash
          FROM audit_chain c JOIN audit_in a ON a.i = c.i + 1
        ), audit_ins AS (
          INSERT INTO audit_log (tenant, shard, seq, at, actor_user_id, actor_username, action, resource_type, resource_id, ip, details, prev_hash, hash)
          SELECT a.tenant, h.shard, c.seq, a.at, a."actorUserId", a."actorUsername", a.action, a."resourceType", a."resourceId", a.ip, a.details, c.prev, c.hash
          FROM audit_chain c JOIN audit_in a ON a.i = c.i CROSS JOIN audit_h h
          RETURNING seq, hash
        ), audit_up AS (
          UPDATE audit_chain_heads c SET seq = l.seq, hash = l.hash
          FROM (SELECT seq, hash FROM audit_ins ORDER BY seq DESC LIMIT 1) l, audit_h h
          WHERE c.shard = h.shard
          RETURNING c.shard
        )`;
  }

  /** Appends one record inside `tx`. Call it in the same transaction as the change it records. */
  async write(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
    const rec = this.prepare(actor, entry);
    // A transaction keeps the shard it first locked; taking a second one could deadlock with another writer.
    const held = shardOfTx.get(tx);
    let shard: number | undefined;
    if (held !== undefined) {
      shard = await this.append(tx, rec, sql`WHERE shard = ${held} FOR UPDATE`);
    } else {
      shard = await this.append(tx, rec, this.pickFree());
      // Every head is busy (more writers than shards): wait for a random one.
      shard ??= await this.append(tx, rec, this.pickWait());
    }
    if (shard === undefined) throw new Error("audit chain head missing; ensureAuditShards was not run");
    shardOfTx.set(tx, shard);
  }

  private async append(tx: Db, rec: PreparedRecord, pick: SQL): Promise<number | undefined> {
    const rows = rowsOf<{ shard: number }>(await tx.execute(sql`WITH ${this.appendCtes(rec, pick)} SELECT shard FROM audit_up`));
    return rows[0] === undefined ? undefined : Number(rows[0].shard);
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
        } else if (recordHash(prevHash, r.seq, payloadText({ ...r, at })) !== r.hash) {
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
