// Backup and restore round trip: after restoring into a fresh data dir (and, on PostgreSQL, a fresh
// database), the report, its case and its attachment are all there and the attachment still opens.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, createUser, sessionFor, signedIn, type TestEnv } from "../../../test/helpers/app";
import { adminUrl } from "../../../test/helpers/pg";
import { buildApp } from "../app";
import { createContext } from "../context";
import { openDatabase, rowsOf } from "../db/client";
import { pngWithText } from "../lib/uploads/attachments.fixtures";
import { verifyWithCheckpoint, writeCheckpoint } from "../modules/audit/audit.checkpoint";
import { publicReports } from "../modules/reports/reports.tables";
import { backup, RestoreError, restore } from "./backup";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
});
afterAll(() => env.close());

describe("simpul backup / restore", () => {
  it("round-trips a report, its case and its attachment", async () => {
    const pub = anonymous(env.app);
    const upload = await env.app.inject({
      method: "POST",
      url: "/api/public/reports/attachments",
      payload: pngWithText(),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const attachmentId = upload.json().attachmentId;
    const submitted = await pub.request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "person_in_danger_abroad",
      description: "Adik saya dibawa ke Malaysia lewat Batam dan tidak bisa dihubungi.",
      attachments: [attachmentId],
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { trackingCode } = submitted.json();
    const [report] = await env.ctx.db
      .select({ id: publicReports.id })
      .from(publicReports)
      .where(eq(publicReports.trackingCode, trackingCode.replace("-", "")));
    const coordinator = await signedIn(env, { roles: ["coordinator"], username: "koord.backup" });
    const caseManager = await createUser(env.ctx, { roles: ["case_manager"] });
    expect((await coordinator.request("POST", `/api/reports/${report!.id}/verify`, {})).statusCode).toBe(200);
    const toCase = await coordinator.request("POST", `/api/reports/${report!.id}/case`, { ownerId: caseManager.id });
    expect(toCase.statusCode, toCase.body).toBe(201);
    const caseId = toCase.json().caseId;
    expect(caseId).toBeTruthy();
    const original = await coordinator.request("GET", `/api/reports/${report!.id}/attachments/${attachmentId}`);
    expect(original.statusCode).toBe(200);
    await writeCheckpoint(env.ctx);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bk-")), "simpul.tar.gz");
    const manifest = await backup(env.ctx.database, env.ctx.config, file);
    expect(manifest.withKeys).toBe(false);

    // A fresh installation with the same key (kept apart from the backup).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-restored-"));
    let databaseUrl: string | undefined;
    let dropDb = async () => {};
    if (env.ctx.database.kind === "postgresql") {
      const name = `simpul_t_restore_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl(env.ctx.database.url!) });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(env.ctx.database.url!);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
      dropDb = async () => {
        const a = new pg.Client({ connectionString: adminUrl(env.ctx.database.url!) });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    }
    const config = { ...env.ctx.config, dataDir, databaseUrl };
    try {
      await restore(config, file);
      if (!databaseUrl) await expect(restore(config, file)).rejects.toThrow(RestoreError);
      const database = databaseUrl
        ? await openDatabase({ kind: "postgresql", url: databaseUrl, poolSize: 2 })
        : await openDatabase({ kind: "pglite", dataDir });
      try {
        const ctx = await createContext(config, database);
        const app = await buildApp(ctx, { logger: false, serveWeb: false });
        const restored: TestEnv = { ctx, app, close: async () => {} };
        const again = await sessionFor(restored, await createUser(ctx, { roles: ["coordinator"] }));
        const r = await again.request("GET", `/api/reports/${report!.id}`);
        expect(r.statusCode).toBe(200);
        expect(r.json().description).toContain("Malaysia");
        const cases = rowsOf<{ n: number }>(await ctx.db.execute(sql`SELECT count(*)::int AS n FROM cases WHERE id = ${caseId}`));
        expect(cases[0]!.n).toBe(1);
        const att = await again.request("GET", `/api/reports/${report!.id}/attachments/${attachmentId}`);
        expect(att.statusCode).toBe(200);
        expect(att.rawPayload.equals(original.rawPayload)).toBe(true);
        // The audit checkpoint came along and the chain still verifies against it.
        expect(await verifyWithCheckpoint(ctx)).toMatchObject({ ok: true });
        await app.close();
      } finally {
        await database.close();
      }
    } finally {
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    // A dump, a second database migrated from scratch and a restore: on a busy CI machine over 30 s.
  }, 120_000);
});
