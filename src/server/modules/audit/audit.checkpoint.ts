// Audit checkpoints: every shard's head anchored outside the database.
//
// The keyed chain stops anyone who can edit rows from forging hashes, but not from cutting a shard's
// tail and pointing its head at the last record left. A checkpoint is a file with each shard's head
// {seq, hash}, signed with an HMAC under a key derived from the key ring (so it cannot be forged with
// database access alone). The scheduler writes one to `<data dir>/audit-checkpoints/` every hour; an
// operator can export one anywhere (`simpul audit checkpoint FILE`), e.g. to another machine.
// `simpul audit verify` checks the chain against the latest checkpoint: every anchored record must still
// be there with the same hash.
import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { asc } from "drizzle-orm";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { auditChainHeads } from "../../db/schema";
import type { Job } from "../../jobs/jobs";
import { canonicalJson } from "../../lib/canonical-json";
import { deriveKey, type KeyRing } from "../../lib/crypto";
import { type AnchoredHead, type VerifyResult, verifyAuditChain } from "./audit.service";

export const CHECKPOINT_FORMAT = "simpul-audit-checkpoint/1";
export const CHECKPOINT_DIR = "audit-checkpoints";

export type Checkpoint = { format: string; tenant: string; createdAt: string; heads: AnchoredHead[]; mac: string };

export class CheckpointError extends Error {}

function macOf(ring: KeyRing, body: Omit<Checkpoint, "mac">): string {
  return createHmac("sha256", deriveKey(ring, "audit-checkpoint")).update(canonicalJson(body), "utf8").digest("hex");
}

/** Reads every shard head in one statement (a consistent snapshot) and signs them. */
export async function makeCheckpoint(db: Db, ring: KeyRing, tenant: string, now = new Date()): Promise<Checkpoint> {
  const rows = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.shard));
  const body = {
    format: CHECKPOINT_FORMAT,
    tenant,
    createdAt: now.toISOString(),
    heads: rows.map((r) => ({ shard: r.shard, seq: Number(r.seq), hash: r.hash })),
  };
  return { ...body, mac: macOf(ring, body) };
}

/** Parses and authenticates a checkpoint file's text; throws CheckpointError when it is not genuine. */
export function parseCheckpoint(ring: KeyRing, text: string): Checkpoint {
  let cp: Checkpoint;
  try {
    cp = JSON.parse(text) as Checkpoint;
  } catch {
    throw new CheckpointError("checkpoint is not JSON");
  }
  if (cp?.format !== CHECKPOINT_FORMAT || !Array.isArray(cp.heads) || typeof cp.mac !== "string")
    throw new CheckpointError("not an audit checkpoint");
  const { mac, ...body } = cp;
  const want = Buffer.from(macOf(ring, body), "hex");
  const got = Buffer.from(mac, "hex");
  if (got.length !== want.length || !timingSafeEqual(got, want))
    throw new CheckpointError("checkpoint signature does not match (forged or another key)");
  return cp;
}

/** Writes a checkpoint file (mode 0600) and returns its path; `file` defaults to a new file in the data dir. */
export async function writeCheckpoint(ctx: AppContext, file?: string, now = new Date()): Promise<string> {
  const cp = await makeCheckpoint(ctx.db, ctx.keys, ctx.config.regency, now);
  const target = file ?? path.join(ctx.config.dataDir, CHECKPOINT_DIR, `${cp.createdAt.replace(/[-:.]/g, "")}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(cp, null, 1)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, target);
  return target;
}

/** The newest checkpoint file in the data dir's checkpoint folder (names sort by time), if any. */
export function latestCheckpointFile(dataDir: string): string | undefined {
  const dir = path.join(dataDir, CHECKPOINT_DIR);
  if (!fs.existsSync(dir)) return undefined;
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort();
  return names.length ? path.join(dir, names[names.length - 1]!) : undefined;
}

/** Keeps the newest `keep` checkpoint files; older ones add nothing once a newer one verified. */
export function pruneCheckpoints(dataDir: string, keep: number): void {
  const dir = path.join(dataDir, CHECKPOINT_DIR);
  if (!fs.existsSync(dir)) return;
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort();
  for (const n of names.slice(0, Math.max(0, names.length - keep))) fs.rmSync(path.join(dir, n), { force: true });
}

export function auditCheckpointJob(ctx: AppContext, intervalMs = 60 * 60_000): Job {
  return {
    name: "audit.checkpoint",
    intervalMs,
    async run(now) {
      await writeCheckpoint(ctx, undefined, now);
      pruneCheckpoints(ctx.config.dataDir, 24 * 90);
    },
  };
}

/**
 * Verifies the chain against a checkpoint: `file`, else the newest one in the data dir (none yet =
 * chain-only check). A checkpoint that fails its signature is itself reported as an error.
 */
export async function verifyWithCheckpoint(ctx: AppContext, file?: string): Promise<VerifyResult> {
  const cpFile = file ?? latestCheckpointFile(ctx.config.dataDir);
  const cp = cpFile ? parseCheckpoint(ctx.keys, fs.readFileSync(cpFile, "utf8")) : undefined;
  return verifyAuditChain(ctx.db, ctx.audit.key, cp ? { anchors: cp.heads, checkpoint: cpFile } : {});
}

export function auditJobs(ctx: AppContext): Job[] {
  return [auditCheckpointJob(ctx)];
}
