import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "../../../../test/helpers/app";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { notifications } from "../notifications/notifications.tables";
import { openCase, type Staff, staffEnv, VICTIM } from "./cases.fixtures";
import { CaseRecordsService } from "./cases.records";
import { CaseService } from "./cases.service";
import { escalateCaseDeadlines, overdueItems } from "./cases.oversight";
import { ReferralService } from "./cases.referrals";

let env: TestEnv;
let s: Staff;
let svc: CaseService;
let referrals: ReferralService;
let records: CaseRecordsService;
beforeAll(async () => {
  ({ env, s } = await staffEnv());
  svc = new CaseService(env.ctx);
  referrals = new ReferralService(svc);
  records = new CaseRecordsService(svc);
});
afterAll(() => env.close());

const consent = (caseId: string, agencyId: string, given = true) =>
  s.owner.http.request("POST", `/api/cases/${caseId}/consents`, { purpose: "share_with_agency", agencyId, given, method: "written" });

describe("the consent gate", () => {
  it("refuses a referral without consent to share with that agency, unless an authorised role documents an override", async () => {
    const c = await openCase(s.owner);
    await s.owner.http.request("POST", `/api/cases/${c.id}/members`, { userId: s.member.user.id });
    const body = { scope: "case", toAgencyId: s.dinkes.id, reason: "AdditionalServicesRequired" };
    const none = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, body);
    expect(none.statusCode).toBe(400);
    expect(Object.keys(none.json().error.fields)).toEqual(["overrideReason"]);
    // Consent recorded for another agency, or refused, does not count.
    await consent(c.id, s.polres.id);
    await consent(c.id, s.dinkes.id, false);
    expect((await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, body)).statusCode).toBe(400);
    // A team member who is neither owner nor investigator cannot override.
    const member = await s.member.http.request("POST", `/api/cases/${c.id}/referrals`, {
      ...body,
      overrideReason: "Korban dalam kondisi darurat medis",
    });
    expect(member.statusCode).toBe(403);
    const owner = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
      ...body,
      overrideReason: "Korban dalam kondisi darurat medis",
    });
    expect(owner.statusCode, owner.body).toBe(201);
    expect(owner.json()).toMatchObject({ status: "sent", consentBasis: "override" });
  });

  it("withdrawn consent blocks sending and blocks acceptance of a referral already sent", async () => {
    const c = await openCase(s.owner);
    const given = await consent(c.id, s.dinkes.id);
    const sent = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
      scope: "case",
      toAgencyId: s.dinkes.id,
      reason: "Other",
    });
    expect(sent.json().consentBasis).toBe("consent");
    expect((await s.owner.http.request("POST", `/api/cases/${c.id}/consents/${given.json().id}/withdraw`)).statusCode).toBe(200);
    expect((await s.dinkesWorker.http.request("POST", `/api/referrals/${sent.json().id}/accept`, {})).statusCode).toBe(409);
  });
});

describe("the referral state machine", () => {
  it("sent → accepted → completed grants and ends access; sent → rejected; revoked by the sender", async () => {
    const c = await openCase(s.owner);
    await consent(c.id, s.dinkes.id);
    await consent(c.id, s.polres.id);
    const svcRes = await s.owner.http.request("POST", `/api/cases/${c.id}/services`, {
      type: "health",
      providerAgencyId: s.dinkes.id,
      dueDate: "2030-01-01",
    });
    const serviceId = svcRes.json().id;
    const health = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
      scope: "service",
      serviceId,
      toAgencyId: s.dinkes.id,
      assignedUserId: s.dinkesWorker2.user.id,
      reason: "AdditionalServicesRequired",
      details: "Pemeriksaan kesehatan pasca pemulangan",
    });
    expect(health.statusCode, health.body).toBe(201);
    const hid = health.json().id;
    // Duplicate open referral to the same agency for the same service.
    expect(
      (
        await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
          scope: "service",
          serviceId,
          toAgencyId: s.dinkes.id,
          reason: "Other",
        })
      ).statusCode,
    ).toBe(409);
    // Not a party: another agency's worker and the sender's colleague outside the team.
    expect((await s.investigator.http.request("POST", `/api/referrals/${hid}/accept`, {})).statusCode).toBe(404);
    expect((await s.outsider.http.request("POST", `/api/referrals/${hid}/accept`, {})).statusCode).toBe(404);
    // The sender cannot accept its own referral; the receiver cannot revoke it.
    expect((await s.owner.http.request("POST", `/api/referrals/${hid}/accept`, {})).statusCode).toBe(403);
    expect((await s.dinkesWorker.http.request("POST", `/api/referrals/${hid}/revoke`, { reason: "x" })).statusCode).toBe(403);
    // Incoming list of the receiving agency shows it, without victim identity.
    const inbox = await s.dinkesWorker.http.request("GET", "/api/referrals?box=incoming");
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toContain(hid);
    expect(inbox.body).not.toContain(VICTIM.name);
    // Before acceptance the assigned user sees nothing of the case.
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    const acc = await s.dinkesWorker.http.request("POST", `/api/referrals/${hid}/accept`, {});
    expect(acc.json()).toMatchObject({ status: "accepted", assignedUser: { id: s.dinkesWorker2.user.id } });
    expect((await s.dinkesWorker.http.request("POST", `/api/referrals/${hid}/reject`, { reason: "x" })).statusCode).toBe(409);
    // Scoped access: the victim and the one service, not the narrative.
    const seen = await s.dinkesWorker2.http.request("GET", `/api/cases/${c.id}`);
    expect(seen.json().access).toBe("referral_service");
    expect(seen.json().summary).toBeUndefined();
    expect(seen.json().victims[0].name).toBe(VICTIM.name);
    expect(seen.json().services.map((x: { id: string }) => x.id)).toEqual([serviceId]);
    expect(seen.body).not.toContain("Kamboja");
    expect((await s.dinkesWorker.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    // The recipient reports progress, but does not re-plan.
    expect(
      (await s.dinkesWorker2.http.request("PATCH", `/api/cases/${c.id}/services/${serviceId}`, { status: "in_progress" })).statusCode,
    ).toBe(200);
    expect(
      (await s.dinkesWorker2.http.request("PATCH", `/api/cases/${c.id}/services/${serviceId}`, { dueDate: "2031-01-01" })).statusCode,
    ).toBe(403);
    expect((await s.dinkesWorker2.http.request("PATCH", `/api/cases/${c.id}`, { priority: "low" })).statusCode).toBe(403);
    const done = await s.dinkesWorker2.http.request("POST", `/api/referrals/${hid}/complete`);
    expect(done.json().status).toBe("completed");
    const after = await s.owner.http.request("GET", `/api/cases/${c.id}`);
    expect(after.json().services[0]).toMatchObject({ status: "delivered", overdue: false });
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);

    // A second referral, to the police, rejected with a reason.
    const police = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
      scope: "case",
      toAgencyId: s.polres.id,
      reason: "Other",
    });
    const pid = police.json().id;
    expect((await s.investigator.http.request("POST", `/api/referrals/${pid}/reject`, {})).statusCode).toBe(400);
    const rej = await s.investigator.http.request("POST", `/api/referrals/${pid}/reject`, { reason: "Bukan wilayah hukum Polres Serang" });
    expect(rej.json()).toMatchObject({ status: "rejected", rejectReason: "Bukan wilayah hukum Polres Serang" });
    expect((await s.investigator.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await s.owner.http.request("POST", `/api/referrals/${pid}/revoke`, { reason: "x" })).statusCode).toBe(409);

    // A third, revoked by the sender after acceptance: access ends.
    const again = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
      scope: "case",
      toAgencyId: s.polres.id,
      reason: "Other",
    });
    await s.investigator.http.request("POST", `/api/referrals/${again.json().id}/accept`, {});
    expect((await s.investigator.http.request("GET", `/api/cases/${c.id}`)).json().access).toBe("referral_case");
    const rev = await s.owner.http.request("POST", `/api/referrals/${again.json().id}/revoke`, { reason: "Korban menarik persetujuan" });
    expect(rev.json().status).toBe("revoked");
    expect((await s.investigator.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    const out = await s.owner.http.request("GET", "/api/referrals?box=outgoing");
    expect(
      out
        .json()
        .items.filter((r: { caseId: string }) => r.caseId === c.id)
        .map((r: { status: string }) => r.status)
        .sort(),
    ).toEqual(["completed", "rejected", "revoked"]);
  });
});

describe("deadlines", () => {
  // Friday 20 November 2026, 10:00 WIB. Two working days: Monday 23 and Tuesday 24.
  const friday = new Date("2026-11-20T03:00:00Z");

  it("a referral not answered within 2 working days is overdue on the sender's and the coordinator's lists, and escalated once", async () => {
    const c = await openCase(s.owner);
    await consent(c.id, s.dinkes.id);
    const r = await referrals.create(s.owner.p, SYSTEM_ACTOR, c.id, { scope: "case", toAgencyId: s.dinkes.id, reason: "Other" }, friday);
    expect(r.respondDueAt).toBe("2026-11-24T17:00:00.000Z"); // end of Tuesday in WIB
    const { id: serviceId } = await records.addService(s.owner.p, SYSTEM_ACTOR, c.id, {
      type: "shelter",
      providerAgencyId: s.ppa.id,
      dueDate: "2026-11-23",
    });

    const tuesdayEvening = new Date("2026-11-24T16:00:00Z");
    const mine = <T extends { caseId: string }>(items: T[]) => items.filter((i) => i.caseId === c.id);
    const early = mine(await overdueItems(env.ctx, s.owner.p, tuesdayEvening));
    expect(early.map((i) => i.kind)).toEqual(["service"]); // the shelter was due Monday

    const wednesday = new Date("2026-11-25T03:00:00Z");
    const items = mine(await overdueItems(env.ctx, s.owner.p, wednesday));
    expect(items.map((i) => [i.kind, i.overdueWorkingDays])).toEqual([
      ["referral", 1],
      ["service", 2],
    ]);
    expect(mine(await overdueItems(env.ctx, s.coordinator.p, wednesday))).toHaveLength(2);
    expect(mine(await overdueItems(env.ctx, s.coordinatorElsewhere.p, wednesday))).toHaveLength(0);
    expect(mine(await overdueItems(env.ctx, s.outsider.p, wednesday))).toHaveLength(0);

    const esc = await escalateCaseDeadlines(env.ctx, wednesday);
    expect(esc.referrals).toBeGreaterThanOrEqual(1);
    const notes = await env.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.resourceId, c.id), eq(notifications.kind, "case.overdue")));
    const to = new Set(notes.map((n) => n.userId));
    expect(to.has(s.owner.user.id)).toBe(true);
    expect(to.has(s.coordinator.user.id)).toBe(true);
    expect(to.has(s.coordinatorElsewhere.user.id)).toBe(false);
    expect(JSON.stringify(notes)).not.toContain(VICTIM.name);
    // Once only.
    const again = await escalateCaseDeadlines(env.ctx, new Date("2026-11-26T03:00:00Z"));
    const notesAfter = await env.ctx.db.select().from(notifications).where(eq(notifications.resourceId, c.id));
    expect(notesAfter.length).toBe(notes.length);
    expect(again.referrals + again.services).toBeGreaterThanOrEqual(0);

    // Answered or delivered items leave the lists.
    await referrals.accept(s.dinkesWorker.p, SYSTEM_ACTOR, r.id, {}, wednesday);
    await records.updateService(s.owner.p, SYSTEM_ACTOR, c.id, serviceId, { status: "delivered" }, wednesday);
    expect(mine(await overdueItems(env.ctx, s.owner.p, wednesday))).toEqual([]);
  });

  it("national holidays and cuti bersama stop the clock", async () => {
    // Thursday 24 December 2026 (cuti bersama) and Friday 25 (Christmas) do not count.
    const due = referrals.answerDue(new Date("2026-12-23T03:00:00Z"));
    expect(due.toISOString()).toBe("2026-12-29T17:00:00.000Z"); // end of Tuesday 29 December
  });
});
