import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { type SmtpCapture, startSmtpCapture } from "../../../../test/helpers/smtp";
import { users } from "../../db/schema";
import { deliverNotificationMail } from "../notifications/notifications.mail";
import { escalateOverdue } from "./reports.jobs";
import { notifications } from "../notifications/notifications.tables";
import { publicReports } from "./reports.tables";

let smtp: SmtpCapture;
let env: TestEnv;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  env = await createTestEnv({ publicRateLimit: false, smtpUrl: smtp.url, mailFrom: "Simpul <simpul@serangkab.test>" });
});
afterAll(async () => {
  await env.close();
  await smtp.close();
});

/** Runs the mail job for every pending notification (what the mail worker does), counting those sent. */
async function deliverMail(ctx: TestEnv["ctx"], now: Date): Promise<{ sent: number }> {
  const pending = await ctx.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.emailStatus, "pending"));
  let sent = 0;
  for (const p of pending) if ((await deliverNotificationMail(ctx, p.id, now, { lastAttempt: false })) === "sent") sent++;
  return { sent };
}

async function submitAt(regionCode?: string) {
  const res = await anonymous(env.app).request("POST", "/api/public/reports", {
    submissionId: randomUUID(),
    category: "person_in_danger_abroad",
    description: "Adik saya di Kamboja tidak bisa dihubungi sejak bulan lalu.",
    ...(regionCode ? { location: { regionCode } } : {}),
  });
  const { trackingCode, pin } = res.json();
  const [r] = await env.ctx.db
    .select()
    .from(publicReports)
    .where(eq(publicReports.trackingCode, trackingCode.replace("-", "")));
  return { id: r!.id, verifyDueAt: r!.verifyDueAt, trackingCode, pin };
}

describe("deadline escalation", () => {
  it("escalates an unverified report once, notifies the coordinators in scope, and mails them", async () => {
    const all = await createUser(env.ctx, { roles: ["coordinator"] });
    await env.ctx.db.update(users).set({ email: "koordinator@serangkab.test" }).where(eq(users.id, all.id));
    const pontang = await createUser(env.ctx, { roles: ["coordinator"], jurisdiction: ["36.04.12"] });
    const r = await submitAt("36.04.13.2001"); // Tirtayasa: outside the Pontang coordinator's area

    const early = await escalateOverdue(env.ctx, new Date(r.verifyDueAt.getTime() - 1000));
    expect(early.verify).toBe(0);
    const late = new Date(r.verifyDueAt.getTime() + 1000);
    expect((await escalateOverdue(env.ctx, late)).verify).toBeGreaterThanOrEqual(1);
    expect((await escalateOverdue(env.ctx, late)).verify).toBe(0); // once only

    const mine = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, all.id));
    expect(mine.some((n) => n.resourceId === r.id && n.emailStatus === "pending")).toBe(true);
    expect(mine.find((n) => n.resourceId === r.id)!.title).toContain(r.trackingCode);
    const theirs = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, pontang.id));
    expect(theirs.some((n) => n.resourceId === r.id)).toBe(false);

    // The queue shows it as overdue; the public does not see the internal escalation.
    const c = await sessionFor(env, all);
    const overdue = (await c.request("GET", "/api/reports?overdue=true&limit=200")).json();
    expect(overdue.items.find((x: any) => x.id === r.id)).toBeUndefined(); // the real clock is before the deadline
    const detail = (await c.request("GET", `/api/reports/${r.id}`)).json();
    expect(detail.timeline.map((e: any) => e.kind)).toContain("escalated");
    const pub = (
      await anonymous(env.app).request("POST", "/api/public/reports/lookup", { trackingCode: r.trackingCode, pin: r.pin })
    ).json();
    expect(pub.timeline.map((e: any) => e.kind)).not.toContain("escalated");

    const inbox = (await c.request("GET", "/api/notifications?unread=true")).json();
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    const note = inbox.items.find((n: any) => n.resourceId === r.id);
    expect((await c.request("POST", `/api/notifications/${note.id}/read`)).statusCode).toBe(204);

    const mail = await deliverMail(env.ctx, late);
    expect(mail.sent).toBeGreaterThanOrEqual(1);
    const msg = smtp.received.find((m) => m.to === "koordinator@serangkab.test");
    expect(msg?.data).toContain(r.trackingCode);
    expect(msg?.data).not.toContain("Kamboja"); // no report content in e-mail
    expect((await deliverMail(env.ctx, late)).sent).toBe(0);
  });

  it("escalates an agency's missing first response after 5 working days", async () => {
    const coord = await createUser(env.ctx, { roles: ["coordinator"] });
    const c = await sessionFor(env, coord);
    const op = await createUser(env.ctx, { roles: ["agency_operator"] });
    const r = await submitAt();
    await c.request("POST", `/api/reports/${r.id}/verify`, {});
    const fw = (
      await c.request("POST", `/api/reports/${r.id}/forward`, { agencyIds: [op.agencyId], instruction: "Mohon ditindaklanjuti." })
    ).json();
    const due = new Date(fw.forwards[0].responseDueAt);
    expect((await escalateOverdue(env.ctx, new Date(due.getTime() + 1))).response).toBeGreaterThanOrEqual(1);
    const [n] = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, coord.id));
    expect(n?.title).toContain("belum menanggapi");
  });
});

describe("forwarding notifications", () => {
  it("tells the receiving agency's active operators in-app and by e-mail, without the report's content", async () => {
    const coord = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const op = await createUser(env.ctx, { roles: ["agency_operator"] });
    await env.ctx.db.update(users).set({ email: "operator@dinsos.test" }).where(eq(users.id, op.id));
    const colleague = await createUser(env.ctx, { roles: ["agency_operator"], agencyId: op.agencyId! }); // no e-mail address
    const gone = await createUser(env.ctx, { roles: ["agency_operator"], agencyId: op.agencyId! });
    await env.ctx.db.update(users).set({ disabledAt: new Date(), email: "gone@dinsos.test" }).where(eq(users.id, gone.id));
    const viewer = await createUser(env.ctx, { roles: ["volunteer"], agencyId: op.agencyId! }); // same agency, not an operator
    const other = await createUser(env.ctx, { roles: ["agency_operator"] });
    const r = await submitAt();
    await coord.request("POST", `/api/reports/${r.id}/verify`, {});

    const before = await env.ctx.db.select().from(notifications).where(eq(notifications.resourceId, r.id));
    expect(before).toEqual([]);
    const fw = await coord.request("POST", `/api/reports/${r.id}/forward`, {
      agencyIds: [op.agencyId],
      instruction: "Hubungi keluarga korban di Tirtayasa.",
    });
    expect(fw.statusCode).toBe(200);

    const rows = await env.ctx.db.select().from(notifications).where(eq(notifications.resourceId, r.id));
    expect(rows.map((n) => n.userId).sort()).toEqual([op.id, colleague.id].sort());
    expect(rows.every((n) => n.kind === "report.forwarded")).toBe(true);
    expect(rows.find((n) => n.userId === op.id)!.emailStatus).toBe("pending");
    expect(rows.find((n) => n.userId === colleague.id)!.emailStatus).toBe("none");
    for (const u of [gone, viewer, other]) expect(rows.some((n) => n.userId === u.id)).toBe(false);

    // The operator sees it in the app.
    const mine = (await (await sessionFor(env, op)).request("GET", "/api/notifications?unread=true")).json();
    const note = mine.items.find((n: any) => n.resourceId === r.id);
    expect(note.title).toContain(r.trackingCode);

    // And gets the e-mail: tracking code and deadline, no description, no instruction.
    const due = new Date(fw.json().forwards[0].responseDueAt);
    expect((await deliverMail(env.ctx, new Date())).sent).toBeGreaterThanOrEqual(1);
    const msg = smtp.received.find((m) => m.to === "operator@dinsos.test");
    expect(msg?.data).toContain(r.trackingCode);
    const [y, mo, d] = new Date(due.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split("-");
    expect(msg?.data).toContain(`${d}/${mo}/${y}`);
    expect(msg?.data).not.toContain("Kamboja");
    expect(msg?.data).not.toContain("Tirtayasa");
    expect(smtp.received.some((m) => m.to === "gone@dinsos.test")).toBe(false);
  });
});
