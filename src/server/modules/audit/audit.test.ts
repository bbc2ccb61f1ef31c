import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { auditLog } from "../../db/schema";
import { verifyAuditChain } from "./audit.service";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ auditShards: 4 });
});
afterAll(() => env.close());

const actor = { userId: null, username: "test", ip: "127.0.0.1" };

async function writeMany(n: number) {
  await Promise.all(
    Array.from({ length: n }, (_, i) => env.ctx.withAudit(actor, { action: "test.write", resourceType: "thing", resourceId: String(i), details: { i, nested: { b: 1, a: [1, 2] } } }, async () => {})),
  );
}

describe("audit chain", () => {
  it("stays valid under concurrent writers spread over shards", async () => {
    await writeMany(60);
    const r = await verifyAuditChain(env.ctx.db, 7);
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
      const r = await verifyAuditChain(fresh.ctx.db);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.firstBroken.reason).toMatch(/head/);
    } finally {
      await fresh.close();
    }
  });

  it("names the first altered record", async () => {
    await writeMany(10);
    const [victim] = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "test.write")).orderBy(auditLog.id).limit(1).offset(5);
    await env.ctx.db.execute(sql`UPDATE audit_log SET details = '{"i": 999}'::jsonb WHERE id = ${victim!.id}`);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.firstBroken.id).toBe(victim!.id);
      expect(r.firstBroken.reason).toMatch(/altered/);
    }
  });

  it("detects a deleted record", async () => {
    const fresh = await createTestEnv({ auditShards: 2 });
    try {
      await Promise.all(Array.from({ length: 12 }, (_, i) => fresh.ctx.withAudit(actor, { action: "x", resourceId: String(i) }, async () => {})));
      // Delete from the middle of the longer chain (a deletion at the very end is caught by the head check).
      const [longest] = await fresh.ctx.db
        .select({ shard: auditLog.shard, n: sql<number>`count(*)::int` })
        .from(auditLog)
        .groupBy(auditLog.shard)
        .orderBy(sql`count(*) DESC`);
      const rows = await fresh.ctx.db.select().from(auditLog).where(eq(auditLog.shard, longest!.shard)).orderBy(auditLog.seq);
      const gone = rows[1]!;
      await fresh.ctx.db.execute(sql`DELETE FROM audit_log WHERE id = ${gone.id}`);
      const r = await verifyAuditChain(fresh.ctx.db);
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

describe("audit API", () => {
  it("lets an auditor page through the trail, newest first", async () => {
    const auditor = await sessionFor(env, await createUser(env.ctx, { roles: ["auditor"] }));
    const first = await auditor.request("GET", "/api/audit?limit=5&action=test.write");
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(5);
    expect(page.items[0].id).toBeGreaterThan(page.items[4].id);
    const next = await auditor.request("GET", `/api/audit?limit=5&action=test.write&cursor=${page.nextCursor}`);
    expect(next.json().items[0].id).toBeLessThan(page.items[4].id);
  });

  it("filters by actor username as well as by user id", async () => {
    const auditor = await sessionFor(env, await createUser(env.ctx, { roles: ["auditor"] }));
    const u = await createUser(env.ctx, { roles: ["volunteer"], username: "saksi.audit" });
    await env.ctx.withAudit({ userId: u.id, username: u.username, ip: null }, { action: "test.by_actor" }, async () => {});
    const byName = (await auditor.request("GET", "/api/audit?actor=Saksi.Audit")).json().items;
    const byId = (await auditor.request("GET", `/api/audit?actor=${u.id}`)).json().items;
    expect(byName.map((i: any) => i.action)).toEqual(["test.by_actor"]);
    expect(byId).toEqual(byName);
  });

  it("is closed to an admin (separation of duties)", async () => {
    const admin = await sessionFor(env, await createUser(env.ctx, { roles: ["admin"] }));
    expect((await admin.request("GET", "/api/audit")).statusCode).toBe(403);
  });
});
