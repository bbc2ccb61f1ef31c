// Coordination flows: directory, meeting → attendance → decision → action item, scoping by agency,
// overdue lists, the daily reminder (idempotent), minutes PDF, validation and the audit trail.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { notifications } from "../notifications/notifications.tables";
import {
  type Client,
  createAgency,
  createTestEnv,
  createUser,
  signedInUser,
  type TestEnv,
  type TestUser,
} from "../../../../test/helpers/app";
import { pdfText } from "../../../../test/helpers/pdf-text";
import { remindOverdueActionItems } from "./coordination.jobs";
import { focalPoints, meetings } from "./coordination.tables";

let env: TestEnv;
let coordinator: TestUser;
let operator: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let coord: Client;
let op: Client;
let out: Client;
let disnaker: { id: string; name: string };
let dinsos: { id: string; name: string };

beforeAll(async () => {
  env = await createTestEnv();
  const home = await createAgency(env.ctx, { name: "Sekretariat Gugus Tugas" });
  disnaker = await createAgency(env.ctx, { name: "Disnakertrans Uji" });
  dinsos = await createAgency(env.ctx, { name: "Dinas Sosial Uji" });
  [coordinator, coord] = await signedInUser(env, { roles: ["coordinator"], agencyId: home.id });
  [operator, op] = await signedInUser(env, { roles: ["agency_operator"], agencyId: disnaker.id });
  colleague = await createUser(env.ctx, { roles: ["agency_operator"], agencyId: disnaker.id });
  [outsider, out] = await signedInUser(env, { roles: ["agency_operator"], agencyId: dinsos.id });
});
afterAll(() => env.close());

async function auditActions(resourceId?: string) {
  const rows = await env.ctx.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(resourceId ? eq(auditLog.resourceId, resourceId) : undefined);
  return rows.map((r) => r.action);
}

async function planMeeting(overrides: Record<string, unknown> = {}) {
  const res = await coord.request("POST", "/api/coordination/meetings", {
    title: "Rapat Koordinasi Gugus Tugas Triwulan IV",
    startsAt: "2026-11-10T09:00",
    place: "Aula Setda",
    agenda: "1. Evaluasi laporan\n2. Rencana sosialisasi",
    invitedAgencyIds: [disnaker.id, dinsos.id],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("agency directory", () => {
  it("coordinators add focal points with an encrypted phone; every staff member reads them, and the read is audited", async () => {
    const add = await coord.request("POST", `/api/coordination/agencies/${disnaker.id}/focal-points`, {
      name: "Budi Santoso",
      position: "Kabid Penempatan",
      phone: "0812 3456 7890",
    });
    expect(add.statusCode, add.body).toBe(201);
    const [row] = await env.ctx.db.select().from(focalPoints).where(eq(focalPoints.id, add.json().id));
    expect(row!.phoneEnc).toBeTruthy();
    expect(row!.phoneEnc).not.toMatch(/3456\D?7890/);

    const tf = await coord.request("PUT", `/api/coordination/agencies/${disnaker.id}/task-forces`, {
      taskForces: ["prevention", "coordination"],
    });
    expect(tf.json()).toEqual({ taskForces: ["prevention", "coordination"] });

    const before = (await auditActions()).filter((a) => a === "coordination.directory.read").length;
    const list = await out.request("GET", "/api/coordination/agencies");
    expect(list.statusCode).toBe(200);
    const entry = list.json().items.find((a: { id: string }) => a.id === disnaker.id);
    expect(entry.focalPoints).toEqual([{ id: add.json().id, name: "Budi Santoso", position: "Kabid Penempatan", phone: "0812 3456 7890" }]);
    expect(entry.taskForces).toEqual(["prevention", "coordination"]);
    expect((await auditActions()).filter((a) => a === "coordination.directory.read").length).toBe(before + 1);

    const denied = await op.request("POST", `/api/coordination/agencies/${disnaker.id}/focal-points`, { name: "X" });
    expect(denied.statusCode).toBe(403);
  });

  it("refuses a bad phone and an unknown sub-task force with field messages in Indonesian and English", async () => {
    const id = await coord.request("POST", `/api/coordination/agencies/${disnaker.id}/focal-points`, { name: "", phone: "call me" });
    expect(id.statusCode).toBe(400);
    expect(id.json().error.fields).toEqual({ name: "Wajib diisi.", phone: "Format tidak sesuai." });
    const en = await coord.request(
      "PUT",
      `/api/coordination/agencies/${disnaker.id}/task-forces`,
      { taskForces: ["marketing"] },
      { "accept-language": "en" },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields).toEqual({ "taskForces.0": "Unknown choice." });
  });
});

describe("meetings and action items", () => {
  it("plans a meeting, records attendance, minutes and a decision whose action item the owner agency completes", async () => {
    const m = await planMeeting();
    expect(m.invitedAgencies.map((a: { name: string }) => a.name).sort()).toEqual(["Dinas Sosial Uji", "Disnakertrans Uji"]);
    expect(m.startsAt).toBe("2026-11-10T02:00:00.000Z");

    const att = await coord.request("PUT", `/api/coordination/meetings/${m.id}/attendance`, {
      attendance: [
        { agencyId: disnaker.id, present: true, headcount: 2 },
        { agencyId: dinsos.id, present: false },
      ],
    });
    expect(att.statusCode, att.body).toBe(200);
    expect(att.json().attendance.find((a: { agencyId: string }) => a.agencyId === disnaker.id)).toMatchObject({
      present: true,
      headcount: 2,
    });

    const minutes = await coord.request("PATCH", `/api/coordination/meetings/${m.id}`, {
      minutes: "Disnakertrans melaporkan 3 LPK tanpa izin.",
    });
    expect(minutes.json().minutes).toBe("Disnakertrans melaporkan 3 LPK tanpa izin.");
    const [stored] = await env.ctx.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(stored!.minutesEnc).not.toContain("LPK");

    const dec = await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Disnakertrans menertibkan LPK tanpa izin.",
      actionItems: [
        {
          title: "Surat teguran ke 3 LPK",
          ownerAgencyId: disnaker.id,
          ownerUserId: operator.id,
          dueDate: "2026-11-24",
          link: { kind: "village", ref: "36.04.12.2001" },
        },
      ],
    });
    expect(dec.statusCode, dec.body).toBe(201);
    const item = dec.json().decisions[0].actionItems[0];
    expect(item).toMatchObject({
      status: "open",
      ownerAgency: { id: disnaker.id },
      ownerUser: { id: operator.id },
      link: { kind: "village", ref: "36.04.12.2001" },
    });

    // The owner agency's staff see it; another agency sees neither the item nor the meeting.
    const mine = await op.request("GET", "/api/coordination/action-items");
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(item.id);
    const theirs = await out.request("GET", "/api/coordination/action-items");
    expect(theirs.json().items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    expect((await out.request("PATCH", `/api/coordination/action-items/${item.id}`, { status: "done" })).statusCode).toBe(404);

    // The owner updates status and proof, but cannot move the due date.
    expect((await op.request("PATCH", `/api/coordination/action-items/${item.id}`, { dueDate: "2027-01-01" })).statusCode).toBe(403);
    const done = await op.request("PATCH", `/api/coordination/action-items/${item.id}`, {
      status: "done",
      proof: "Surat B/123/2026 terkirim",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "done", proof: "Surat B/123/2026 terkirim" });

    expect(await auditActions(m.id)).toEqual(
      expect.arrayContaining([
        "coordination.meeting.create",
        "coordination.meeting.attendance",
        "coordination.meeting.update",
        "coordination.decision.create",
      ]),
    );
    expect(await auditActions(item.id)).toContain("coordination.action_item.update");
  });

  it("scopes meetings: invited agencies read them, others get 404", async () => {
    const m = await planMeeting({ invitedAgencyIds: [disnaker.id] });
    expect((await op.request("GET", `/api/coordination/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await out.request("GET", `/api/coordination/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await out.request("GET", "/api/coordination/meetings")).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });

  it("refuses an owner person from another agency and an unknown owner agency with field messages", async () => {
    const m = await planMeeting();
    const res = await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Keputusan",
      actionItems: [{ title: "A", ownerAgencyId: disnaker.id, ownerUserId: outsider.id, dueDate: "2026-12-01" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ "actionItems.0.ownerUserId": "Isian tidak sah." });
    const unknown = await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Keputusan",
      actionItems: [{ title: "A", ownerAgencyId: "00000000-0000-4000-8000-000000000000", dueDate: "2026-12-01" }],
    });
    expect(unknown.json().error.fields).toEqual({ "actionItems.0.ownerAgencyId": "Instansi tidak dikenal." });
    const bad = await coord.request("POST", "/api/coordination/meetings", { title: "R", startsAt: "besok", invitedAgencyIds: ["x"] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["invitedAgencyIds.0", "startsAt"]);
    // Impossible calendar dates are refused as input errors, not passed to the database.
    const impossible = await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Keputusan",
      actionItems: [{ title: "A", ownerAgencyId: disnaker.id, dueDate: "2026-02-31" }],
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields).toEqual({ "actionItems.0.dueDate": "Format tidak sesuai." });
    const lateHour = await coord.request("POST", "/api/coordination/meetings", { title: "R", startsAt: "2026-11-10T25:00" });
    expect(lateHour.json().error.fields).toEqual({ startsAt: "Format tidak sesuai." });
  });
});

describe("overdue action items and reminders", () => {
  it("lists overdue items for the owner and the coordinator, and reminds once a day", async () => {
    const m = await planMeeting({ title: "Rapat evaluasi", startsAt: "2020-01-06T09:00" });
    const dec = await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Pendataan PMI non-prosedural",
      actionItems: [
        { title: "Data PMI non-prosedural per desa", ownerAgencyId: disnaker.id, dueDate: "2020-01-20" },
        { title: "Jadwal sosialisasi", ownerAgencyId: disnaker.id, dueDate: "2999-01-01" },
      ],
    });
    const [late, future] = dec.json().decisions[0].actionItems;
    const ownerList = await op.request("GET", "/api/coordination/action-items?overdue=true");
    expect(ownerList.json().items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(ownerList.json().items.map((i: { id: string }) => i.id)).not.toContain(future.id);
    expect(ownerList.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const coordList = await coord.request("GET", "/api/coordination/action-items?overdue=true");
    expect(coordList.json().items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect((await out.request("GET", "/api/coordination/action-items?overdue=true")).json().items).toEqual([]);

    const countFor = async (userId: string) =>
      (
        await env.ctx.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.resourceId, late.id)))
      ).length;
    const now = new Date("2026-12-03T02:00:00Z");
    const first = await remindOverdueActionItems(env.ctx, now);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    // No named owner: every active account of the agency, plus the coordinator who planned the meeting.
    expect(await countFor(operator.id)).toBe(1);
    expect(await countFor(colleague.id)).toBe(1);
    expect(await countFor(coordinator.id)).toBe(1);
    expect(await countFor(outsider.id)).toBe(0);
    // Same day again (even hours later): nothing new.
    const second = await remindOverdueActionItems(env.ctx, new Date("2026-12-03T15:00:00Z"));
    expect(second).toEqual({ reminded: 0, notifications: 0 });
    expect(await countFor(operator.id)).toBe(1);
    // The next WIB day: one more. A done item is never reminded.
    await remindOverdueActionItems(env.ctx, new Date("2026-12-03T17:30:00Z"));
    expect(await countFor(operator.id)).toBe(2);
    await op.request("PATCH", `/api/coordination/action-items/${late.id}`, { status: "done", proof: "Data terkirim" });
    await remindOverdueActionItems(env.ctx, new Date("2026-12-05T02:00:00Z"));
    expect(await countFor(operator.id)).toBe(2);
    const inApp = await op.request("GET", "/api/notifications");
    expect(JSON.stringify(inApp.json())).toContain("Data PMI non-prosedural per desa");
  });
});

describe("minutes PDF", () => {
  it("exports the minutes as a PDF with the meeting's title and WIB date in Indonesian, audited", async () => {
    const m = await planMeeting({ title: "Rapat Pleno Gugus Tugas", startsAt: "2026-11-02T19:30" });
    await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Sosialisasi di Pontang",
      actionItems: [{ title: "Jadwal sosialisasi", ownerAgencyId: disnaker.id, dueDate: "2026-12-01" }],
    });
    const res = await op.request("GET", `/api/coordination/meetings/${m.id}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const buf = res.rawPayload;
    expect(buf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(buf);
    expect(text).toContain("Rapat Pleno Gugus Tugas");
    expect(text).toContain("Senin, 2 November 2026");
    expect(text).toContain("19.30 WIB");
    expect(text).toContain("Disnakertrans Uji");
    expect(await auditActions(m.id)).toContain("coordination.minutes.export");
    expect((await out.request("GET", `/api/coordination/meetings/${m.id}/minutes.pdf`)).statusCode).toBe(200);
    const other = await planMeeting({ invitedAgencyIds: [] });
    expect((await out.request("GET", `/api/coordination/meetings/${other.id}/minutes.pdf`)).statusCode).toBe(404);
  });
});

describe("meeting list", () => {
  it("counts decisions and open action items per meeting, and shows an agency the meetings where it owns an item", async () => {
    const m = await planMeeting({ invitedAgencyIds: [] });
    await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, {
      text: "Keputusan satu",
      actionItems: [{ title: "Tugas Dinsos", ownerAgencyId: dinsos.id, dueDate: "2026-12-01" }],
    });
    await coord.request("POST", `/api/coordination/meetings/${m.id}/decisions`, { text: "Keputusan dua" });
    const row = (await coord.request("GET", "/api/coordination/meetings")).json().items.find((x: { id: string }) => x.id === m.id);
    expect(row).toMatchObject({ decisionCount: 2, openActionItems: 1, invitedCount: 0 });
    expect((await out.request("GET", "/api/coordination/meetings")).json().items.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await op.request("GET", "/api/coordination/meetings")).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });
});
