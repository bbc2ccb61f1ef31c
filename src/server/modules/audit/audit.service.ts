// The audit trail: written in the caller's transaction, hash-chained per shard.
//
// A single chain makes every write in the system wait for one row lock (the chain head): measured
// here, it cut write throughput to a sixth. Instead the chain is split into N shards. A transaction
// appends to whichever shard head is free (FOR UPDATE SKIP LOCKED), so writers never queue behind each
// other while every record is still covered by a chain. Appending is one statement: the hash is
// computed by the database from the locked head, so the audit adds a single round trip.
//
// The chain is keyed (hash version 2): each hash is HMAC-SHA256 under a key derived from the server key
// ring, which never enters the database, so whoever can edit rows cannot recompute a valid chain. The
// database computes the HMAC from PostgreSQL's built-in sha256() and the two key pads passed as
// parameters (RFC 2104), so no extension is needed on PGlite or PostgreSQL. Records written before the
// chain was keyed (version 1, plain sha256) still verify with the old rule, but only as the start of a
// shard: an unkeyed record after a keyed one is a break. Truncation (cutting a shard's tail and
// rewriting its head) is caught against the latest signed checkpoint (audit.checkpoint.ts).
import { createHash, createHmac, randomInt } from "node:crypto";
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

/** Version 1 (unkeyed, legacy): sha256(prev || '\n' || seq || '\n' || payload). */
export function recordHash(prevHash: string, seq: number, payload: string): string {
  return sha256(`${prevHash}\n${seq}\n${payload}`);
}

/** Version 2: HMAC-SHA256(key, prev || '\n' || seq || '\n' || payload); must match the SQL in `hmacSql`. */
export function keyedRecordHash(key: Buffer, prevHash: string, seq: number, payload: string): string {
  return createHmac("sha256", key).update(`${prevHash}\n${seq}\n${payload}`, "utf8").digest("hex");
}

export const AUDIT_HASH_VERSION = 2;

/** The inner and outer HMAC pads of a key (RFC 2104, 64-byte block), hex-encoded for SQL parameters. */
export function hmacPads(key: Buffer): { ipad: string; opad: string } {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash("sha256").update(key).digest() : key).copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36));
  const opad = Buffer.from(block.map((b) => b ^ 0x5c));
  return { ipad: ipad.toString("hex"), opad: opad.toString("hex") };
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
  private readonly pads: { ipad: string; opad: string };

  constructor(
    private readonly tenant: string,
    private readonly shards: number,
    /** The chain key (deriveKey(ring, "audit-chain")); never stored in the database. */
    readonly key: Buffer,
  ) {
    this.pads = hmacPads(key);
  }

  /** SQL for HMAC-SHA256(key, text) as hex, computed by the database with the built-in sha256(). */
  hmacSql(text: SQL): SQL {
    return sql`encode(sha256(decode(${this.pads.opad}, 'hex') || sha256(decode(${this.pads.ipad}, 'hex') || convert_to(${text}, 'UTF8'))), 'hex')`;
  }

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
          INSERT INTO audit_log (tenant, shard, seq, at, actor_user_id, actor_username, action, resource_type, resource_id, ip, details, prev_hash, hash,
                                 hash_version)
          SELECT ${r.tenant}, h.shard, h.seq, ${r.at.toISOString()}, ${r.actorUserId}, ${r.actorUsername}, ${r.action}, ${r.resourceType},
                 ${r.resourceId}, ${r.ip}, ${JSON.stringify(r.details)}::jsonb, h.prev,
                 ${this.hmacSql(sql`h.prev || E'\\n' || h.seq::text || E'\\n' || ${rec.payload}::text`)}, ${AUDIT_HASH_VERSION}
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
          SELECT a.i, c.seq + 1, ${this.hmacSql(sql`c.hash || E'\\n' || (c.seq + 1)::text || E'\\n' || a.payload`)}, c.hash
          FROM audit_chain c JOIN audit_in a ON a.i = c.i + 1
        ), audit_ins AS (
          INSERT INTO audit_log (tenant, shard, seq, at, actor_user_id, actor_username, action, resource_type, resource_id, ip, details, prev_hash, hash,
                                 hash_version)
          SELECT a.tenant, h.shard, c.seq, a.at, a."actorUserId", a."actorUsername", a.action, a."resourceType", a."resourceId", a.ip, a.details, c.prev, c.hash,
                 ${AUDIT_HASH_VERSION}
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

export type AuditBreak = { id: number; shard: number; seq: number; reason: string };

export type VerifyResult =
  | { ok: true; records: number; shards: number; breaks: []; checkpoint?: string }
  | { ok: false; records: number; shards: number; breaks: AuditBreak[]; firstBroken: AuditBreak; checkpoint?: string };

/** A shard head as anchored outside the database (see audit.checkpoint.ts). */
export type AnchoredHead = { shard: number; seq: number; hash: string };

/** Stands for "after the last record" in a break's id (a head or truncation problem). */
export const END_OF_CHAIN = Number.MAX_SAFE_INTEGER;

/**
 * Walks every shard's chain and reports every break (not only the first): after a bad record the walk
 * continues from that record's stored hash, so one altered record is one break and later ones are
 * still checked. With `anchors` (the heads from the latest checkpoint), each anchored record must still
 * be there with the same hash: this catches a shard cut short and its head rewritten.
 */
export async function verifyAuditChain(
  db: Db,
  key: Buffer,
  opts: { batchSize?: number; anchors?: AnchoredHead[]; checkpoint?: string } = {},
): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 5000;
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.shard));
  const anchors = new Map((opts.anchors ?? []).map((a) => [a.shard, a]));
  let records = 0;
  const breaks: AuditBreak[] = [];
  for (const a of anchors.values()) {
    if (a.seq > 0 && !heads.some((h) => h.shard === a.shard)) {
      breaks.push({ id: END_OF_CHAIN, shard: a.shard, seq: a.seq, reason: "chain head missing but present in the checkpoint" });
    }
  }
  for (const head of heads) {
    let prevHash = genesisHash(head.shard);
    let expectedSeq = 1;
    let lastSeq = 0;
    let keyedSeen = false;
    const anchor = anchors.get(head.shard);
    let anchorSeen = !anchor || anchor.seq === 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.shard, head.shard), gt(auditLog.seq, lastSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(batchSize);
      for (const r of rows) {
        records++;
        const at = r.at instanceof Date ? r.at : new Date(r.at);
        const where = { id: r.id, shard: r.shard, seq: r.seq };
        const payload = payloadText({ ...r, at });
        if (r.seq !== expectedSeq) {
          breaks.push({ ...where, reason: `missing record before seq ${r.seq} (expected ${expectedSeq})` });
        } else if (r.prevHash !== prevHash) {
          breaks.push({ ...where, reason: "prev_hash does not match the previous record" });
        }
        if (r.hashVersion === AUDIT_HASH_VERSION) {
          keyedSeen = true;
          if (keyedRecordHash(key, r.prevHash, r.seq, payload) !== r.hash) {
            breaks.push({ ...where, reason: "content does not match its keyed hash (record altered)" });
          }
        } else if (r.hashVersion === 1 && !keyedSeen) {
          if (recordHash(r.prevHash, r.seq, payload) !== r.hash)
            breaks.push({ ...where, reason: "content does not match its hash (record altered)" });
        } else {
          breaks.push({ ...where, reason: `hash version ${r.hashVersion} not allowed here (unkeyed record after keyed ones)` });
        }
        if (anchor && r.seq === anchor.seq) {
          anchorSeen = true;
          if (r.hash !== anchor.hash) breaks.push({ ...where, reason: "record differs from the checkpoint (chain rewritten)" });
        }
        prevHash = r.hash;
        expectedSeq = r.seq + 1;
      }
      if (rows.length < batchSize) break;
      lastSeq = rows[rows.length - 1]!.seq;
    }
    if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      breaks.push({
        id: END_OF_CHAIN,
        shard: head.shard,
        seq: head.seq,
        reason: "chain head does not match the last record (records removed at the end)",
      });
    }
    if (!anchorSeen) {
      breaks.push({
        id: END_OF_CHAIN,
        shard: head.shard,
        seq: anchor!.seq,
        reason: `records up to seq ${anchor!.seq} were in the checkpoint but are gone (chain truncated)`,
      });
    }
  }
  breaks.sort((a, b) => a.id - b.id || a.shard - b.shard || a.seq - b.seq);
  const base = { records, shards: heads.length, ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}) };
  return breaks.length ? { ok: false, ...base, breaks, firstBroken: breaks[0]! } : { ok: true, ...base, breaks: [] };
}
