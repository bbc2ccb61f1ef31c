// Logs never carry personal data: a request that fails inside the database logs the failure, but not
// the query's parameters (a reporter's words, a phone number, a username), nor the request body or
// query string.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app";
import { createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

let env: TestEnv;
let app: FastifyInstance;
let admin: Awaited<ReturnType<typeof createUser>>;
const lines: string[] = [];

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  // The same database and keys, but an app that logs at info level into `lines`.
  app = await buildApp({ ...env.ctx, config: { ...env.ctx.config, logLevel: "info" } }, { serveWeb: false, logStream: { write: (s: string) => void lines.push(s) } });
  await app.ready();
  admin = await createUser(env.ctx, { roles: ["admin"] });
  // The database refuses new reports and new accounts, as a broken constraint or a full disk would.
  for (const statement of [
    "CREATE FUNCTION simpul_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$",
    "CREATE TRIGGER simpul_test_refuse_reports BEFORE INSERT ON public_reports FOR EACH ROW EXECUTE FUNCTION simpul_test_refuse()",
    "CREATE TRIGGER simpul_test_refuse_users BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION simpul_test_refuse()",
  ])
    await env.ctx.db.execute(sql.raw(statement));
});
afterAll(async () => {
  await app?.close();
  await env?.close();
});

describe("logs", () => {
  it("log a failed query without its parameters, the body or the query string", async () => {
    const secrets = ["Siti Aminah Rahayu", "081398765432", "siti.rahayu", "Desa Tegalsari RT 03"];
    const report = await app.inject({
      method: "POST",
      url: "/api/public/reports?reporter=Siti%20Aminah%20Rahayu",
      payload: {
        submissionId: randomUUID(),
        category: "other",
        description: `Saya ${secrets[0]} dijanjikan kerja di Malaysia oleh sponsor, nomor ${secrets[1]}, tinggal di ${secrets[3]}.`,
      },
    });
    expect(report.statusCode).toBe(500);

    const client = await sessionFor(env, admin);
    const created = await app.inject({
      method: "POST",
      url: "/api/admin/users",
      headers: { cookie: client.cookie, "x-csrf-token": client.csrf },
      payload: { username: secrets[2], displayName: secrets[0], agencyId: admin.agencyId, roles: ["volunteer"] },
    });
    expect(created.statusCode).toBe(500);

    const log = lines.join("");
    // The failures are logged (so the test can see errors at all), with the database's own reason…
    expect(log).toContain("unhandled error");
    expect(log).toContain("refused by test trigger");
    // …but none of the values the requests carried.
    for (const s of secrets) expect(log).not.toContain(s);
    expect(log).not.toContain("Siti%20Aminah");
  });
});
