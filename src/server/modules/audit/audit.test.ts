import fs from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, createUser, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { auditLog } from "../../db/schema";
import { CheckpointError, verifyWithCheckpoint, writeCheckpoint } from "./audit.checkpoint";
import { payloadText, recordHash, verifyAuditChain } from "./audit.service";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ auditShards: 4 });
});
afterAll(() => env.close());

const actor = { userId: null, username: "test", ip: "127.0.0.1" };

async function writeMany(n: number) {
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      env.ctx.withAudit(
        actor,
        { action: "test.write", resourceType: "thing", resourceId: String(i), details: { i, nested: { b: 1, a: [1, 2] } } },
        async () => {},
      ),
    ),
  );
}

describe("audit chain", () => {
  it("stays valid under concurrent writers spread over shards", async () => {
    await writeMany(60);
    const r = await verifyAuditChain(env.ctx.db, env.ctx.audit.key, { batchSize: 7 });
    expect(r).toMatchObject({ ok: true, shards: 4 });
    expect(r.records).toBeGreaterThanOrEqual(60);
    const shards = await env.ctx.db.select({ shard: auditLog.shard, n: sql<number>`count(*)::int` }).from(auditLog).groupBy(auditLog.shard);
    expect(shards.length).toBeGreaterThan(1);
  });

  it("notices records removed from the end of a chain", async () => {
    const fresh = await createTestEnv({ auditShards: 1 });
    try {
      for (let i = 0; i < 3; i++) await fresh.ctx.withAudit(actor, { action: "x" }, async () => {});
      await fresh.ctx.db.execute(sql`DELETE FROM audit_log WHERE seq = 3`);
      const r = await verifyAuditChain(fresh.ctx.db, fresh.ctx.audit.key);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.firstBroken.reason).toMatch(/head/);
    } finally {
      await fresh.close();
    }
  });

  it("names the first altered record", async () => {
    await writeMany(10);
    const [victim] = await env.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "test.write"))
      .orderBy(auditLog.id)
      .limit(1)
      .offset(5);
    await env.ctx.db.execute(sql`UPDATE audit_log SET details = '{"i": 999}'::jsonb WHERE id = ${victim!.id}`);
    const r = await verifyAuditChain(env.ctx.db, env.ctx.audit.key);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.firstBroken.id).toBe(victim!.id);
      expect(r.firstBroken.reason).toMatch(/altered/);
    }
  });

  it("detects a deleted record", async () => {
    const fresh = await createTestEnv({ auditShards: 2 });
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => fresh.ctx.withAudit(actor, { action: "x", resourceId: String(i) }, async () => {})),
      );
      // Delete from the middle of the longer chain (a deletion at the very end is caught by the head check).
      const [longest] = await fresh.ctx.db
        .select({ shard: auditLog.shard, n: sql<number>`count(*)::int` })
        .from(auditLog)
        .groupBy(auditLog.shard)
        .orderBy(sql`count(*) DESC`);
      const rows = await fresh.ctx.db.select().from(auditLog).where(eq(auditLog.shard, longest!.shard)).orderBy(auditLog.seq);
      const gone = rows[1]!;
      await fresh.ctx.db.execute(sql`DELETE FROM audit_log WHERE id = ${gone.id}`);
      const r = await verifyAuditChain(fresh.ctx.db, fresh.ctx.audit.key);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.firstBroken).toMatchObject({ shard: longest!.shard, seq: gone.seq + 1, id: rows[2]!.id });
    } finally {
      await fresh.close();
    }
  });

  it("rolls the audit record back with a failed change", async () => {
    const before = (await env.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    await expect(
      env.ctx.withAudit(actor, { action: "test.fails" }, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const after = (await env.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    expect(after).toBe(before);
  });
});

/** What an attacker with write access to the database (but not the key) can do: recompute plain sha256 hashes. */
async function recomputeUnkeyed(e: TestEnv, shard: number, fromSeq: number, setVersion?: number) {
  const rows = await e.ctx.db.select().from(auditLog).where(eq(auditLog.shard, shard)).orderBy(asc(auditLog.seq));
  let prev = rows.find((r) => r.seq === fromSeq - 1)?.hash;
  for (const r of rows.filter((x) => x.seq >= fromSeq)) {
    const at = r.at instanceof Date ? r.at : new Date(r.at);
    const hash = recordHash(prev!, r.seq, payloadText({ ...r, at }));
    await e.ctx.db.execute(
      sql`UPDATE audit_log SET prev_hash = ${prev!}, hash = ${hash}, hash_version = ${setVersion ?? r.hashVersion} WHERE id = ${r.id}`,
    );
    prev = hash;
  }
  const last = rows[rows.length - 1]!;
  await e.ctx.db.execute(sql`UPDATE audit_chain_heads SET seq = ${last.seq}, hash = ${prev!} WHERE shard = ${shard}`);
}

describe("keyed and anchored audit chain", () => {
  it("fails verification when a row is edited and the chain recomputed with the unkeyed hash", async () => {
    for (const setVersion of [undefined, 1]) {
      const fresh = await createTestEnv({ auditShards: 1 });
      try {
        for (let i = 0; i < 4; i++) await fresh.ctx.withAudit(actor, { action: "case.read", resourceId: String(i) }, async () => {});
        const [victim] = await fresh.ctx.db.select().from(auditLog).where(eq(auditLog.seq, 2));
        await fresh.ctx.db.execute(sql`UPDATE audit_log SET resource_id = 'someone-else' WHERE id = ${victim!.id}`);
        await recomputeUnkeyed(fresh, 0, 2, setVersion);
        const r = await verifyAuditChain(fresh.ctx.db, fresh.ctx.audit.key);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.firstBroken.id).toBe(victim!.id);
          // Every recomputed record is reported, not only the first.
          expect(r.breaks.filter((b) => b.seq >= 2).map((b) => b.seq)).toEqual([2, 3, 4]);
        }
      } finally {
        await fresh.close();
      }
    }
  });

  it("reports every altered record across shards", async () => {
    const fresh = await createTestEnv({ auditShards: 2 });
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => fresh.ctx.withAudit(actor, { action: "x", resourceId: String(i) }, async () => {})),
      );
      const rows = await fresh.ctx.db.select().from(auditLog).orderBy(asc(auditLog.id));
      const victims = [rows[1]!, rows[7]!];
      for (const v of victims) await fresh.ctx.db.execute(sql`UPDATE audit_log SET action = 'y' WHERE id = ${v.id}`);
      const r = await verifyAuditChain(fresh.ctx.db, fresh.ctx.audit.key);
      expect(r.ok).toBe(false);
      expect(r.breaks.map((b) => b.id)).toEqual(victims.map((v) => v.id));
    } finally {
      await fresh.close();
    }
  });

  it("detects a shard whose tail was cut and head rewritten, against the latest checkpoint", async () => {
    const fresh = await createTestEnv({ auditShards: 1 });
    try {
      for (let i = 0; i < 5; i++) await fresh.ctx.withAudit(actor, { action: "x", resourceId: String(i) }, async () => {});
      const file = await writeCheckpoint(fresh.ctx);
      expect(path.dirname(file)).toBe(path.join(fresh.ctx.config.dataDir, "audit-checkpoints"));
      expect(await verifyWithCheckpoint(fresh.ctx)).toMatchObject({ ok: true, checkpoint: file });
      // Later records are fine: the checkpoint pins what existed when it was written.
      await fresh.ctx.withAudit(actor, { action: "x", resourceId: "later" }, async () => {});
      expect((await verifyWithCheckpoint(fresh.ctx)).ok).toBe(true);

      const [third] = await fresh.ctx.db.select().from(auditLog).where(eq(auditLog.seq, 3));
      await fresh.ctx.db.execute(sql`DELETE FROM audit_log WHERE seq > 3`);
      await fresh.ctx.db.execute(sql`UPDATE audit_chain_heads SET seq = 3, hash = ${third!.hash} WHERE shard = 0`);
      // The chain alone looks whole...
      expect((await verifyAuditChain(fresh.ctx.db, fresh.ctx.audit.key)).ok).toBe(true);
      // ...the checkpoint outside the database does not.
      const r = await verifyWithCheckpoint(fresh.ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.firstBroken.reason).toMatch(/truncated/);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a checkpoint edited to match a truncated chain", async () => {
    const fresh = await createTestEnv({ auditShards: 1 });
    try {
      for (let i = 0; i < 3; i++) await fresh.ctx.withAudit(actor, { action: "x" }, async () => {});
      const file = await writeCheckpoint(fresh.ctx);
      const cp = JSON.parse(fs.readFileSync(file, "utf8"));
      cp.heads[0].seq = 1;
      fs.writeFileSync(file, JSON.stringify(cp));
      await expect(verifyWithCheckpoint(fresh.ctx)).rejects.toThrow(CheckpointError);
    } finally {
      await fresh.close();
    }
  });
});

describe("audit API", () => {
  it("lets an auditor page through the trail, newest first", async () => {
    const auditor = await signedIn(env, { roles: ["auditor"] });
    const first = await auditor.request("GET", "/api/audit?limit=5&action=test.write");
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(5);
    expect(page.items[0].id).toBeGreaterThan(page.items[4].id);
    const next = await auditor.request("GET", `/api/audit?limit=5&action=test.write&cursor=${page.nextCursor}`);
    expect(next.json().items[0].id).toBeLessThan(page.items[4].id);
  });

  it("filters by actor username as well as by user id", async () => {
    const auditor = await signedIn(env, { roles: ["auditor"] });
    const u = await createUser(env.ctx, { roles: ["volunteer"], username: "saksi.audit" });
    await env.ctx.withAudit({ userId: u.id, username: u.username, ip: null }, { action: "test.by_actor" }, async () => {});
    const byName = (await auditor.request("GET", "/api/audit?actor=Saksi.Audit")).json().items;
    const byId = (await auditor.request("GET", `/api/audit?actor=${u.id}`)).json().items;
    expect(byName.map((i: any) => i.action)).toEqual(["test.by_actor"]);
    expect(byId).toEqual(byName);
  });

  it("is closed to an admin (separation of duties)", async () => {
    const admin = await signedIn(env, { roles: ["admin"] });
    expect((await admin.request("GET", "/api/audit")).statusCode).toBe(403);
  });
});
