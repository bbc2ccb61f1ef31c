// Overdue action items are reminded by e-mail as well as in-app, through the real mail path (a local SMTP
// server): to the owner agency's accounts that have an address and to the coordinator who planned the meeting.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgency, createTestEnv, signedInUser, type TestEnv } from "../../../../test/helpers/app";
import { type SmtpCapture, startSmtpCapture } from "../../../../test/helpers/smtp";
import { users } from "../../db/schema";
import { deliverNotificationMail } from "../notifications/notifications.mail";
import { notifications } from "../notifications/notifications.tables";
import { remindOverdueActionItems } from "./coordination.jobs";

let env: TestEnv;
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  env = await createTestEnv({ smtpUrl: smtp.url, mailFrom: "Simpul <simpul@serangkab.test>" });
});
afterAll(async () => {
  await env.close();
  await smtp.close();
});

describe("action item reminders by e-mail", () => {
  it("mails the owner agency and the meeting's coordinator once a day, naming the item", async () => {
    const home = await createAgency(env.ctx, { name: "Sekretariat Gugus Tugas" });
    const owner = await createAgency(env.ctx, { name: "Disnakertrans Uji Surel" });
    const [coordinator, coord] = await signedInUser(env, { roles: ["coordinator"], agencyId: home.id });
    const [operator] = await signedInUser(env, { roles: ["agency_operator"], agencyId: owner.id });
    await env.ctx.db.update(users).set({ email: "koordinator@serangkab.test" }).where(eq(users.id, coordinator.id));
    await env.ctx.db.update(users).set({ email: "operator@disnaker.test" }).where(eq(users.id, operator.id));
    const meeting = await coord.request("POST", "/api/coordination/meetings", {
      title: "Rapat evaluasi triwulan",
      startsAt: "2020-01-06T09:00",
      invitedAgencyIds: [owner.id],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const dec = await coord.request("POST", `/api/coordination/meetings/${meeting.json().id}/decisions`, {
      text: "Pendataan PMI non-prosedural",
      actionItems: [{ title: "Rekap calon PMI per desa", ownerAgencyId: owner.id, dueDate: "2020-01-20" }],
    });
    expect(dec.statusCode, dec.body).toBe(201);

    const now = new Date("2026-12-03T02:00:00Z");
    expect((await remindOverdueActionItems(env.ctx, now)).notifications).toBe(2);
    const pending = await env.ctx.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.emailStatus, "pending"));
    expect(pending).toHaveLength(2);
    for (const p of pending) expect(await deliverNotificationMail(env.ctx, p.id, now, { lastAttempt: false })).toBe("sent");

    expect(smtp.received.map((m) => m.to).sort()).toEqual(["koordinator@serangkab.test", "operator@disnaker.test"]);
    for (const m of smtp.received) expect(m.data).toContain("Rekap calon PMI per desa");
    // The same WIB day again: no second mail.
    await remindOverdueActionItems(env.ctx, new Date("2026-12-03T15:00:00Z"));
    expect(await env.ctx.db.select().from(notifications).where(eq(notifications.emailStatus, "pending"))).toHaveLength(0);
  });
});
