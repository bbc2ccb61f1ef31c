// The e-mail outbox on the app's job runner (pg-boss on PostgreSQL, in-process on the embedded database),
// delivered to a real local SMTP server.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, createUser, type TestEnv } from "../../../../test/helpers/app";
import { type SmtpCapture, startSmtpCapture } from "../../../../test/helpers/smtp";
import { rowsOf, type Db } from "../../db/client";
import { users } from "../../db/schema";
import { startJobs } from "../../jobs/registry";
import { notify } from "./notifications.service";
import { offerPendingMail } from "./notifications.mail";
import { notifications } from "./notifications.tables";

let smtp: SmtpCapture;
let env: TestEnv;

beforeAll(async () => {
  smtp = await startSmtpCapture({ refuseFull: true });
  env = await createTestEnv({
    smtpUrl: smtp.url,
    mailFrom: "Simpul <simpul@serangkab.test>",
    mailAttempts: 3,
    mailRetrySeconds: 1,
    jobs: true,
  });
  await startJobs(env.ctx);
});
afterAll(async () => {
  await env.close(); // stops the job runner before the database goes
  await smtp.close();
});

const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function staffWithEmail(email: string) {
  const u = await createUser(env.ctx, { roles: ["coordinator"] });
  await env.ctx.db.update(users).set({ email }).where(eq(users.id, u.id));
  return u;
}

async function tell(userId: string, email: string, title: string, tx?: Db) {
  const item = { tenant: env.ctx.config.regency, userId, email, kind: "test.mail", title, body: `Isi ${title}.` };
  if (tx) return notify(env.ctx, tx, [item], new Date());
  await env.ctx.db.transaction((t) => notify(env.ctx, t as unknown as Db, [item], new Date()));
}

const rowOf = async (title: string) => (await env.ctx.db.select().from(notifications).where(eq(notifications.title, title)))[0]!;

describe("e-mail outbox", () => {
  it("delivers a notification's e-mail through the job runner, once", async () => {
    const u = await staffWithEmail("siti@serangkab.test");
    await tell(u.id, "siti@serangkab.test", "Uji kirim satu");
    await until(async () => (await rowOf("Uji kirim satu")).emailStatus === "sent");
    const row = await rowOf("Uji kirim satu");
    expect(row.emailAttempts).toBe(1);
    expect(row.emailedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.received.filter((m) => m.data.includes("Uji kirim satu"))).toHaveLength(1);
    expect(smtp.received.find((m) => m.data.includes("Uji kirim satu"))!.to).toBe("siti@serangkab.test");
  });

  it("retries a refused e-mail with backoff and marks it failed after the last attempt", async () => {
    const u = await staffWithEmail("penuh@serangkab.test");
    await tell(u.id, "penuh@serangkab.test", "Uji kotak penuh");
    await until(async () => (await rowOf("Uji kotak penuh")).emailStatus === "failed", 25_000);
    const row = await rowOf("Uji kotak penuh");
    expect(row.emailAttempts).toBe(3);
    expect(smtp.refused.filter((a) => a === "penuh@serangkab.test")).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 2_500)); // no fourth attempt
    expect(smtp.refused.filter((a) => a === "penuh@serangkab.test")).toHaveLength(3);
    if (env.ctx.database.kind === "postgresql") {
      const jobs = rowsOf<{ state: string; retry_count: number }>(
        await env.ctx.db.execute(
          sql`SELECT state, retry_count FROM pgboss.job WHERE name = 'mail.deliver' AND data->>'notificationId' = ${row.id}`,
        ),
      );
      expect(jobs).toEqual([{ state: "failed", retry_count: 2 }]);
    }
  });

  it("sends nothing for a notification whose transaction rolled back", async () => {
    const u = await staffWithEmail("batal@serangkab.test");
    const mailJobs = async () =>
      env.ctx.database.kind === "postgresql"
        ? rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.deliver'`))[0]!.n
        : 0;
    const before = await mailJobs();
    await expect(
      env.ctx.db.transaction(async (t) => {
        await tell(u.id, "batal@serangkab.test", "Uji batal", t as unknown as Db);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await mailJobs()).toBe(before); // on PostgreSQL the job was enqueued in the transaction, and went with it
    // A later notification to the same person goes out; the rolled-back one never does.
    await tell(u.id, "batal@serangkab.test", "Uji sesudah batal");
    await until(() => smtp.received.some((m) => m.data.includes("Uji sesudah batal")));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.received.filter((m) => m.to === "batal@serangkab.test")).toHaveLength(1);
    expect(await env.ctx.db.select().from(notifications).where(eq(notifications.title, "Uji batal"))).toEqual([]);
  });

  it("offers again an e-mail left pending without a job (a restart of the embedded database's process)", async () => {
    const u = await staffWithEmail("tertinggal@serangkab.test");
    const old = new Date(Date.now() - 2 * 3_600_000);
    await env.ctx.db.insert(notifications).values({
      tenant: env.ctx.config.regency,
      userId: u.id,
      kind: "test.mail",
      title: "Uji tertinggal",
      body: "Isi.",
      createdAt: old,
      emailStatus: "pending",
    });
    expect(await offerPendingMail(env.ctx, new Date(Date.now() - 3_600_000))).toBe(1);
    await until(async () => (await rowOf("Uji tertinggal")).emailStatus === "sent");
    expect(smtp.received.filter((m) => m.to === "tertinggal@serangkab.test")).toHaveLength(1);
  });
});
