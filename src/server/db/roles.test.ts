import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../../test/helpers/app";
import { buildApp } from "../app";
import { createContext } from "../context";
import { openDatabase } from "./client";
import { rolesSql } from "./roles";

const onPg = Boolean(process.env.SIMPUL_TEST_DATABASE_URL);

describe.skipIf(!onPg)("least-privilege database roles (PostgreSQL)", () => {
  let env: TestEnv;
  // Roles are global to the cluster: unique names per run, dropped afterwards.
  const suffix = randomBytes(4).toString("hex");
  const names = { app: `simpul_app_${suffix}`, migrator: `simpul_mig_${suffix}` };
  let dbUrl: URL;

  beforeAll(async () => {
    env = await createTestEnv({ auditShards: 2 });
    dbUrl = new URL(env.ctx.database.url!);
    for (const s of rolesSql(decodeURIComponent(dbUrl.pathname.slice(1)), names)) await env.ctx.db.execute(sql.raw(s));
    await env.ctx.withAudit({ userId: null, username: "test", ip: null }, { action: "test.before" }, async () => {});
  });
  afterAll(async () => {
    await env?.close();
    const admin = new pg.Client({ connectionString: process.env.SIMPUL_TEST_DATABASE_URL });
    await admin.connect();
    for (const r of [names.app, names.migrator]) await admin.query(`DROP ROLE IF EXISTS ${r}`).catch(() => {});
    await admin.end();
  });

  async function asApp<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const u = new URL(dbUrl);
    u.username = names.app;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  it("refuses UPDATE, DELETE and TRUNCATE of audit_log to the application role, and schema changes", async () => {
    await asApp(async (c) => {
      await expect(c.query("UPDATE audit_log SET action = 'forged'")).rejects.toMatchObject({ code: "42501" });
      await expect(c.query("DELETE FROM audit_log")).rejects.toMatchObject({ code: "42501" });
      await expect(c.query("TRUNCATE audit_log")).rejects.toMatchObject({ code: "42501" });
      await expect(c.query("ALTER TABLE audit_log DISABLE TRIGGER ALL")).rejects.toMatchObject({ code: "42501" });
      await expect(c.query("CREATE TABLE evil (x int)")).rejects.toMatchObject({ code: "42501" });
      expect((await c.query("SELECT count(*)::int AS n FROM audit_log")).rows[0].n).toBeGreaterThan(0);
    });
  });

  it("runs the application as the restricted role: audited writes and public intake work", async () => {
    const u = new URL(dbUrl);
    u.username = names.app;
    const database = await openDatabase({ kind: "postgresql", url: u.toString(), poolSize: 2 });
    try {
      const ctx = await createContext({ ...env.ctx.config, migrate: false }, database);
      await ctx.withAudit({ userId: null, username: "test", ip: null }, { action: "test.as_app" }, async () => {});
      const app = await buildApp(ctx, { logger: false, serveWeb: false });
      const res = await app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: { submissionId: randomUUID(), category: "other", description: "Laporan uji sebagai peran aplikasi." },
      });
      expect(res.statusCode, res.body).toBe(201);
      await app.close();
    } finally {
      await database.close();
    }
  });
});
