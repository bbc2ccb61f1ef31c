import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAgency,
  createTestEnv,
  createUser,
  signedIn,
  signedInUser,
  type TestEnv,
  type TestUser,
} from "../../../../test/helpers/app";
import { auditLog } from "../../db/schema";
import { villageIndicators } from "../villages/villages.tables";
import { POSTPONEMENT_SOURCE } from "./screening.review";
import { screenings } from "./screening.tables";

const DESA = "36.04.12.2001"; // Pontang
const NIK = "3604124101990001";

let env: TestEnv;
let officeId: string;
let officerA: Client;
let officerAUser: TestUser;
let officerB: Client;
let supervisor: Client;
let otherOffice: Client;
let pimpasaUser: TestUser;
let pimpasa: Client;
let farVolunteerUser: TestUser;
let disnakerId: string;
let disnakerOperator: Client;
let otherOperator: Client;
let coordinator: Client;

function interview(over: Record<string, unknown> = {}) {
  return {
    interviewedAt: "2026-03-10T09:30:00+07:00",
    applicant: { name: "Siti Rohmah", nik: NIK, phone: "0812-3456-7890", sex: "female", ageBand: "21-25", desaCode: DESA },
    purpose: "tourism",
    documents: [],
    sponsor: { name: "Pak Darto", phone: "0813 1111 2222" },
    job: "admin toko online",
    destinationCountry: "KH",
    route: "Jakarta – Kuala Lumpur – Phnom Penh, tiket dibayar sponsor",
    paidBy: "sponsor_or_recruiter",
    offerText: "Dibutuhkan admin di Kamboja gaji 15jt, tanpa pengalaman, berangkat minggu depan pakai visa turis, biaya ditanggung",
    redFlags: ["tourist_or_umrah_cover", "contradictory_story"],
    certainty: 4,
    decision: "postpone",
    reasonCode: "suspected_non_procedural_work",
    missing: ["Rekomendasi Disnaker"],
    note: "Mengaku wisata tetapi membawa surat penawaran kerja",
    ...over,
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  officeId = (await createAgency(env.ctx, { name: "Kantor Imigrasi Serang" })).id;
  const otherOfficeId = (await createAgency(env.ctx, { name: "Kantor Imigrasi Lain" })).id;
  disnakerId = (await createAgency(env.ctx, { name: "Disnaker Kab. Serang" })).id;
  [officerAUser, officerA] = await signedInUser(env, { roles: ["interview_officer"], agencyId: officeId });
  officerB = await signedIn(env, { roles: ["interview_officer"], agencyId: officeId });
  supervisor = await signedIn(env, { roles: ["interview_officer", "interview_supervisor"], agencyId: officeId });
  otherOffice = await signedIn(env, { roles: ["interview_officer"], agencyId: otherOfficeId });
  [pimpasaUser, pimpasa] = await signedInUser(env, { roles: ["pimpasa"], jurisdiction: ["36.04.12"], agencyId: officeId });
  farVolunteerUser = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: ["36.04.13.2001"] });
  disnakerOperator = await signedIn(env, { roles: ["agency_operator"], agencyId: disnakerId });
  otherOperator = await signedIn(env, { roles: ["agency_operator"] });
  coordinator = await signedIn(env, { roles: ["coordinator"] });
});
afterAll(() => env.close());

describe("recording an interview", () => {
  it("scores the answers with their reasons, runs the offer through the job-offer engine and waits for review", async () => {
    const res = await officerA.request("POST", "/api/screenings", interview());
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s.code).toMatch(/^WP-[2-9A-HJ-NP-Z]{8}$/);
    expect(s.status).toBe("awaiting_review");
    expect(s.offerLevel).toBe("tinggi");
    const flags = s.scoreReasons.map((r: { flag: string }) => r.flag);
    expect(flags).toEqual(
      expect.arrayContaining([
        "tourist_or_umrah_cover",
        "contradictory_story",
        "scam_hotspot_destination",
        "recruiter_paid_travel",
        "job_offer_high",
      ]),
    );
    expect(s.score).toBe(4 + 3 + 3 + 2 + 3);
    expect(s.scoreLevel).toBe("high");
    expect(s.applicant).toMatchObject({ name: "Siti Rohmah", nik: NIK });
  });

  it("counts the documents the declared purpose requires", async () => {
    const res = await officerA.request(
      "POST",
      "/api/screenings",
      interview({
        purpose: "umrah_hajj",
        documents: ["kemenag_recommendation"],
        redFlags: [],
        destinationCountry: "SA",
        paidBy: "self",
        offerText: undefined,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s.missingDocuments).toEqual(["organiser_letter"]);
    expect(s.scoreReasons.map((r: { flag: string }) => r.flag)).toEqual(["missing_required_documents"]);
  });

  it("stores no applicant identity, sponsor, route, offer or note in plaintext", async () => {
    await officerA.request("POST", "/api/screenings", interview());
    const rows = await env.ctx.db.execute(sql`SELECT row_to_json(s)::text AS j FROM screenings s`);
    const dump = ((rows as any).rows ?? rows).map((r: { j: string }) => r.j).join("\n");
    for (const plain of ["Siti Rohmah", NIK, "3456", "Pak Darto", "Phnom Penh", "Kamboja gaji", "membawa surat"])
      expect(dump).not.toContain(plain);
  });

  it("refuses a postponement without a reason and an unknown desa, field by field", async () => {
    const res = await officerA.request("POST", "/api/screenings", interview({ reasonCode: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("reasonCode");
    const bad = await officerA.request(
      "POST",
      "/api/screenings",
      interview({ applicant: { ...interview().applicant, desaCode: "36.04.99.9999" } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty(["applicant.desaCode"]);
  });

  it("an issued passport needs no review", async () => {
    const res = await officerA.request("POST", "/api/screenings", interview({ decision: "issue", reasonCode: undefined, redFlags: [] }));
    expect(res.json()).toMatchObject({ status: "decided", finalDecision: "issue" });
  });

  it("audits every read and hides the office's screenings from another office (404)", async () => {
    const id = (await officerA.request("POST", "/api/screenings", interview())).json().id;
    expect((await otherOffice.request("GET", `/api/screenings/${id}`)).statusCode).toBe(404);
    expect((await otherOffice.request("GET", "/api/screenings")).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    await officerA.request("GET", `/api/screenings/${id}`);
    const reads = await env.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "screening.read"), eq(auditLog.resourceId, id), eq(auditLog.actorUserId, officerAUser.id)));
    expect(reads[0]!.n).toBe(1);
  });
});

describe("blind second review", () => {
  it("hides the first decision from the reviewer, refuses a self-review, and a matching review makes it final", async () => {
    const id = (await officerA.request("POST", "/api/screenings", interview())).json().id;
    const blind = (await officerB.request("GET", `/api/screenings/${id}`)).json();
    expect(blind).toMatchObject({ decision: null, reasonCode: null, note: null, abilities: { review: true, tiebreak: false } });
    expect((await officerB.request("GET", "/api/screenings/review-queue")).json().items.map((i: { id: string }) => i.id)).toContain(id);
    const self = await officerA.request("POST", `/api/screenings/${id}/reviews`, { decision: "postpone", reasonCode: "purpose_doubtful" });
    expect(self.statusCode).toBe(409);
    const res = await officerB.request("POST", `/api/screenings/${id}/reviews`, {
      decision: "postpone",
      reasonCode: "purpose_doubtful",
      note: "Setuju",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "final",
      finalDecision: "postpone",
      finalReasonCode: "suspected_non_procedural_work",
      decision: "postpone",
    });
    const again = await officerB.request("POST", `/api/screenings/${id}/reviews`, { decision: "issue" });
    expect(again.statusCode).toBe(409);
  });

  it("sends a disagreement to a supervisor who took no part, whose decision stands", async () => {
    const id = (
      await officerA.request("POST", "/api/screenings", interview({ decision: "refuse", reasonCode: "suspected_trafficking" }))
    ).json().id;
    const second = await officerB.request("POST", `/api/screenings/${id}/reviews`, { decision: "issue" });
    expect(second.json().status).toBe("awaiting_tiebreak");
    // The original officer cannot settle it, nor an ordinary officer.
    expect(
      (await officerA.request("POST", `/api/screenings/${id}/reviews`, { decision: "refuse", reasonCode: "suspected_trafficking" }))
        .statusCode,
    ).toBe(409);
    const detail = (await supervisor.request("GET", `/api/screenings/${id}`)).json();
    expect(detail.abilities.tiebreak).toBe(true);
    expect(detail.reviews).toHaveLength(1); // the supervisor sees both positions
    const res = await supervisor.request("POST", `/api/screenings/${id}/reviews`, {
      decision: "postpone",
      reasonCode: "missing_documents",
    });
    expect(res.json()).toMatchObject({ status: "final", finalDecision: "postpone", finalReasonCode: "missing_documents" });
  });

  it("feeds final postponements into the desa's indicators of that semester, or of the year when only a year row exists", async () => {
    const count = async () =>
      (
        await env.ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(screenings)
          .where(and(eq(screenings.desaCode, DESA), eq(screenings.finalDecision, "postpone"), sql`interviewed_at < '2026-07-01'`))
      )[0]!.n;
    const figure = async (period: string) =>
      (
        await env.ctx.db
          .select()
          .from(villageIndicators)
          .where(and(eq(villageIndicators.desaCode, DESA), eq(villageIndicators.period, period)))
      )[0];
    const before = await count();
    const id = (await officerA.request("POST", "/api/screenings", interview())).json().id;
    await officerB.request("POST", `/api/screenings/${id}/reviews`, { decision: "postpone", reasonCode: "purpose_doubtful" });
    expect(await figure("2026-S1")).toMatchObject({ passportPostponements: before + 1, passportPostponementsSource: POSTPONEMENT_SOURCE });
    expect(await figure("2026")).toBeUndefined();

    // A desa whose figures are kept per year gets the year's count in its year row.
    const other = "36.04.13.2001";
    await env.ctx.db
      .insert(villageIndicators)
      .values({ tenant: env.ctx.config.regency, desaCode: other, period: "2025", victims: 2, victimsSource: "DP3AKB" });
    const body = interview({ interviewedAt: "2025-10-02T10:00:00+07:00", applicant: { ...interview().applicant, desaCode: other } });
    const id2 = (await officerA.request("POST", "/api/screenings", body)).json().id;
    await officerB.request("POST", `/api/screenings/${id2}/reviews`, { decision: "postpone", reasonCode: "purpose_doubtful" });
    const year = (
      await env.ctx.db
        .select()
        .from(villageIndicators)
        .where(and(eq(villageIndicators.desaCode, other), eq(villageIndicators.period, "2025")))
    )[0];
    expect(year).toMatchObject({ passportPostponements: 1, victims: 2 });
  });
});

describe("referral and home visit", () => {
  it("refers to counselling at Disnaker and gives the desa's PIMPASA a home visit, who sees the name but not the NIK", async () => {
    const id = (await officerA.request("POST", "/api/screenings", interview())).json().id;
    const ref = await officerA.request("POST", `/api/screenings/${id}/referrals`, { agencyIds: [disnakerId] });
    expect(ref.statusCode, ref.body).toBe(200);
    const candidates = (await officerA.request("GET", `/api/screenings/${id}/visit-candidates`))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(candidates).toContain(pimpasaUser.id);
    expect(candidates).not.toContain(farVolunteerUser.id);
    const far = await officerA.request("POST", `/api/screenings/${id}/visits`, { assigneeId: farVolunteerUser.id, dueDate: "2026-03-20" });
    expect(far.statusCode).toBe(400);
    const visit = await officerA.request("POST", `/api/screenings/${id}/visits`, { assigneeId: pimpasaUser.id, dueDate: "2026-03-20" });
    expect(visit.statusCode, visit.body).toBe(200);
    expect(
      visit
        .json()
        .followups.map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(["referral", "visit"]);

    const mine = (await pimpasa.request("GET", "/api/screenings/visits")).json().items;
    const task = mine.find((t: { screeningCode: string }) => t.screeningCode === visit.json().code);
    expect(task).toMatchObject({
      applicantName: "Siti Rohmah",
      applicantPhone: null,
      desaCode: DESA,
      status: "open",
      dueDate: "2026-03-20",
    });
    expect(JSON.stringify(mine)).not.toContain(NIK);
    expect(
      (await pimpasa.request("POST", `/api/screenings/visits/${task.id}/complete`, { outcome: "Keluarga sudah dikunjungi" })).statusCode,
    ).toBe(200);

    const inbox = (await disnakerOperator.request("GET", "/api/screenings/referrals")).json().items;
    expect(
      inbox.some(
        (r: { screeningCode: string; applicantPhone: string }) =>
          r.screeningCode === visit.json().code && r.applicantPhone === "0812-3456-7890",
      ),
    ).toBe(true);
    expect((await otherOperator.request("GET", "/api/screenings/referrals")).json().items).toEqual([]);
    const refId = inbox.find((r: { screeningCode: string }) => r.screeningCode === visit.json().code).id;
    expect((await otherOperator.request("POST", `/api/screenings/referrals/${refId}/complete`, { outcome: "x" })).statusCode).toBe(404);
  });
});

describe("statistics", () => {
  it("counts by month in WIB, reason, destination, age band and kecamatan for officers and coordinators", async () => {
    // 23:30 WIB on 31 March is still March in Jakarta (16:30 UTC).
    await officerA.request(
      "POST",
      "/api/screenings",
      interview({ interviewedAt: "2026-03-31T23:30:00+07:00", decision: "issue", reasonCode: undefined }),
    );
    for (const c of [officerA, coordinator]) {
      const res = await c.request("GET", "/api/screenings/stats?from=2026-03-01&to=2026-03-31");
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json();
      expect(s.byMonth.map((m: { month: string }) => m.month)).toEqual(["2026-03"]);
      expect(s.byDestination.find((d: { key: string }) => d.key === "KH").count).toBeGreaterThan(0);
      expect(s.byKecamatan[0]).toMatchObject({ key: "36.04.12", name: "Pontang" });
      expect(s.byMonth[0].issue).toBeGreaterThan(0);
    }
    const april = (await officerA.request("GET", "/api/screenings/stats?from=2026-04-01&to=2026-04-30")).json();
    expect(april.total).toBe(0);
  });
});
