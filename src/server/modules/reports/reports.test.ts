import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, createAgency, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { auditRows } from "../../../../test/helpers/audit";
import type { Role } from "../../../core/roles";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { distinctJpeg } from "../../lib/uploads/attachments.fixtures";
import { intakeWriterFor } from "./reports.intake-batch";
import { verifyAuditChain } from "../audit/audit.service";
import { publicReports, reportEvents, reportIdentifiers } from "./reports.tables";

let env: TestEnv;
let coordinator: Client;
let agencyA: { id: string; name: string };
let agencyB: { id: string; name: string };
let operatorA: Client;
let operatorB: Client;

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
  agencyA = await createAgency(env.ctx, { name: "Disnaker Kabupaten Serang" });
  agencyB = await createAgency(env.ctx, { name: "BP3MI Banten" });
  operatorA = await sessionFor(env, await createUser(env.ctx, { roles: ["agency_operator"], agencyId: agencyA.id }));
  operatorB = await sessionFor(env, await createUser(env.ctx, { roles: ["agency_operator"], agencyId: agencyB.id }));
});
afterAll(() => env.close());

const pub = () => anonymous(env.app);
const submit = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  pub().request(
    "POST",
    "/api/public/reports",
    { submissionId: randomUUID(), category: "suspicious_offer", description: "Ada tawaran kerja ke Malaysia tanpa biaya.", ...body },
    headers,
  );
const lookup = (trackingCode: string, pin: string) => pub().request("POST", "/api/public/reports/lookup", { trackingCode, pin });
const countReports = async () => rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM public_reports`))[0]!.n;

async function idOf(trackingCode: string): Promise<string> {
  const [r] = await env.ctx.db
    .select({ id: publicReports.id })
    .from(publicReports)
    .where(eq(publicReports.trackingCode, trackingCode.replace("-", "")));
  return r!.id;
}

describe("public intake", () => {
  it("accepts the minimal body and answers 201 with a readable code and a 6-digit PIN", async () => {
    const res = await pub().request("POST", "/api/public/reports", {
      category: "suspicious_offer",
      description: "Tawaran kerja di Malaysia lewat Facebook.",
      submissionId: randomUUID(),
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode, pin } = res.json();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    const status = await lookup(trackingCode, pin);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      status: "received",
      category: "suspicious_offer",
      timeline: [{ kind: "received", status: "received" }],
    });
    // Lower case and no dash are accepted too (codes are read aloud and typed on phones).
    expect((await lookup(trackingCode.replace("-", "").toLowerCase(), pin)).statusCode).toBe(200);
  });

  it("returns the same report, code and PIN for the same submission id, never a duplicate", async () => {
    const submissionId = randomUUID();
    const before = await countReports();
    const first = await submit({ submissionId });
    const again = await submit({ submissionId, description: "Kiriman ulang setelah sinyal putus." });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await countReports()).toBe(before + 1);
  });

  it("stores one report when the same submission arrives concurrently", async () => {
    const submissionId = randomUUID();
    const before = await countReports();
    const results = await Promise.all(Array.from({ length: 6 }, () => submit({ submissionId })));
    expect(new Set(results.map((r) => r.json().trackingCode)).size).toBe(1);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(await countReports()).toBe(before + 1);
  });

  it("answers 400 with a message per field and stores nothing", async () => {
    const before = await countReports();
    const res = await pub().request(
      "POST",
      "/api/public/reports",
      { submissionId: "not-a-uuid", category: "spam", description: "pendek", people: [{ phones: ["abc"] }], extra: 1 },
      { "accept-language": "id" },
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["submissionId", "category", "description", "people.0.phones.0"]));
    expect(fields.description).toMatch(/minimal 10/);
    expect(await countReports()).toBe(before);
  });

  it("rejects a place outside the regency and contact details without consent", async () => {
    const before = await countReports();
    const outside = await submit({ location: { regionCode: "36.01.01.2001" } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields["location.regionCode"]).toBeDefined();
    const noConsent = await submit({ anonymous: false, reporter: { name: "Ibu Sari", phone: "0812 1111 2222" } });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields.consent).toBeDefined();
    expect(await countReports()).toBe(before);
  });

  it("encrypts reporter and people data and keeps only keyed hashes of contacts", async () => {
    const res = await submit({
      anonymous: false,
      consent: true,
      reporter: { name: "Ibu Sari Rahmawati", phone: "0812-1111-2222" },
      people: [{ name: "Pak Joko Calo", phones: ["0813 9999 0001"], handles: ["@lowongan_mly"], bankAccounts: ["BRI 1234 5678 9012"] }],
      location: { regionCode: "36.04.13" },
    });
    expect(res.statusCode).toBe(201);
    const id = await idOf(res.json().trackingCode);
    // Every column but the search tokens: keyed 64-bit numbers, whose decimal digits may hold "1111" by chance.
    const raw = JSON.stringify(
      rowsOf(await env.ctx.db.execute(sql`SELECT to_jsonb(p) - 'search_tokens' AS row FROM public_reports p WHERE id = ${id}`)),
    );
    expect(raw).toContain("reporter_enc");
    // Secrets long enough that hex hashes and base64 ciphertext cannot hold them by chance.
    const secrets = ["Sari Rahmawati", "Joko Calo", "11112222", "99990001", "lowongan_mly", "123456789012"];
    for (const secret of secrets) expect(raw).not.toContain(secret);
    const ids = await env.ctx.db.select().from(reportIdentifiers).where(eq(reportIdentifiers.reportId, id));
    expect(ids.map((i) => i.kind).sort()).toEqual(["bank_account", "handle", "phone"]);
    for (const secret of secrets) expect(JSON.stringify(ids)).not.toContain(secret);
  });

  it("commits each of many concurrent reports with its timeline, contact hashes and one audit record on an intact chain", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit({ people: [{ phones: [`0812 7000 ${String(1000 + i)}`] }] })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    for (const r of results) {
      const id = await idOf(r.json().trackingCode);
      expect(await auditRows(env.ctx, "report.submit", id)).toHaveLength(1);
      expect(await env.ctx.db.select().from(reportEvents).where(eq(reportEvents.reportId, id))).toHaveLength(1);
      expect(await env.ctx.db.select().from(reportIdentifiers).where(eq(reportIdentifiers.reportId, id))).toHaveLength(1);
    }
    expect(await verifyAuditChain(env.ctx.db, env.ctx.audit.key)).toMatchObject({ ok: true });
  });

  it("refuses only the report that reuses an attachment when many arrive together; the others are stored", async () => {
    const upload = async (n: number) =>
      (
        await pub().request("POST", "/api/public/reports/attachments", distinctJpeg(n), { "content-type": "application/octet-stream" })
      ).json().attachmentId as string;
    const used = await upload(901);
    expect((await submit({ attachments: [used] })).statusCode).toBe(201);
    const fresh = await upload(902);
    const before = await countReports();
    const results = await Promise.all([
      ...Array.from({ length: 12 }, () => submit({})),
      submit({ attachments: [used] }),
      submit({ attachments: [fresh] }),
    ]);
    expect(results.slice(0, 12).map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(results[12]!.statusCode).toBe(400);
    expect(results[12]!.json().error.fields["attachments.0"]).toBeDefined();
    expect(results[13]!.statusCode).toBe(201);
    expect(await countReports()).toBe(before + 13);
    expect(await verifyAuditChain(env.ctx.db, env.ctx.audit.key)).toMatchObject({ ok: true });
    // They did travel together: at least one batch held several reports.
    expect(intakeWriterFor(env.ctx).stats.largest).toBeGreaterThan(1);
  });

  it.skipIf(!process.env.SIMPUL_TEST_DATABASE_URL)(
    "waits for a busy audit chain rather than committing a report without its audit record",
    async () => {
      const pg = (await import("pg")).default;
      const locker = new pg.Client({ connectionString: env.ctx.database.url });
      await locker.connect();
      try {
        await locker.query("BEGIN");
        await locker.query("SELECT shard FROM audit_chain_heads FOR UPDATE");
        const before = await countReports();
        const pending = submit({}).then((r) => r); // inject is lazy: then() sends it now
        // The intake statement is now queued behind the held heads: nothing may be visible yet.
        let queued = false;
        for (let i = 0; i < 200 && !queued; i++) {
          // Asked outside the locker's transaction: a transaction sees one frozen snapshot of pg_stat_activity.
          const waiting = rowsOf<{ n: number }>(
            await env.ctx.db.execute(
              sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%public_reports%'`,
            ),
          );
          queued = waiting[0]!.n > 0;
          if (!queued) await new Promise((r) => setTimeout(r, 25));
        }
        expect(queued).toBe(true);
        expect(await countReports()).toBe(before);
        await locker.query("COMMIT");
        const res = await pending;
        expect(res.statusCode).toBe(201);
        const id = await idOf(res.json().trackingCode);
        expect(await auditRows(env.ctx, "report.submit", id)).toHaveLength(1);
      } finally {
        await locker.end();
      }
    },
  );

  it("keeps the public submitter out of the audit trail's IP column", async () => {
    const res = await submit({}, { "x-forwarded-for": "10.1.2.3" });
    const id = await idOf(res.json().trackingCode);
    const [a] = await auditRows(env.ctx, "report.submit", id);
    expect(a).toBeDefined();
    expect(a!.ip).toBeNull();
  });
});

describe("public lookup", () => {
  it("answers the same 404 for a wrong code and a wrong PIN, and locks the guessing client after 5 attempts", async () => {
    const { trackingCode, pin } = (await submit({})).json();
    const wrongPin = await lookup(trackingCode, pin === "000000" ? "111111" : "000000");
    const wrongCode = await lookup("ZZZZZ-ZZZZZ", pin);
    expect(wrongPin.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongPin.body).toBe(wrongCode.body);
    expect(wrongPin.json().error).toMatchObject({ code: "pin_wrong", attemptsLeft: 4 });
    for (let i = 0; i < 4; i++) await lookup(trackingCode, "123450");
    // Locked now for this client: even the right PIN answers 429, saying when the lock ends.
    const locked = await lookup(trackingCode, pin);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("pin_locked");
    expect(new Date(locked.json().error.retryAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(3000);
  });
});

describe("staff handling", () => {
  it("carries a report from triage to closure; the public sees progress with public notes only", async () => {
    const { trackingCode, pin } = (
      await submit({ location: { regionCode: "36.04.13.2001" }, description: "Anak saya dibawa ke Batam untuk kerja di Malaysia." })
    ).json();
    const id = await idOf(trackingCode);

    const queue = await coordinator.request("GET", "/api/reports?status=received&kecamatan=36.04.13");
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((r: any) => r.id)).toContain(id);

    const verified = await coordinator.request("POST", `/api/reports/${id}/verify`, {
      publicNote: "Laporan Anda sedang kami tindak lanjuti.",
      internalNote: "Nomor calo cocok dengan laporan lain.",
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().status).toBe("verified");
    expect((await coordinator.request("POST", `/api/reports/${id}/verify`, {})).statusCode).toBe(409);

    // Not forwarded yet: operators cannot see it at all.
    expect((await operatorA.request("GET", `/api/reports/${id}`)).statusCode).toBe(404);

    const fw = await coordinator.request("POST", `/api/reports/${id}/forward`, {
      agencyIds: [agencyA.id],
      instruction: "Mohon cek izin perusahaan perekrut.",
      shareContact: false,
    });
    expect(fw.statusCode).toBe(200);
    expect(fw.json().status).toBe("forwarded");
    expect(fw.json().forwards[0].responseDueAt).toBeDefined();

    const inboxA = await operatorA.request("GET", "/api/reports/inbox");
    expect(inboxA.json().items.map((r: any) => r.id)).toContain(id);
    const inboxB = await operatorB.request("GET", "/api/reports/inbox");
    expect(inboxB.json().items.map((r: any) => r.id)).not.toContain(id);
    expect((await operatorB.request("GET", `/api/reports/${id}`)).statusCode).toBe(404);
    expect((await operatorB.request("POST", `/api/reports/${id}/responses`, { publicNote: "x" })).statusCode).toBe(404);

    const detailA = await operatorA.request("GET", `/api/reports/${id}`);
    expect(detailA.statusCode).toBe(200);
    expect(detailA.json().links).toEqual([]);
    expect(detailA.json().abilities).toMatchObject({ respond: true, verify: false, close: false });
    // The operator may not triage.
    expect((await operatorA.request("POST", `/api/reports/${id}/close`, { outcome: "resolved" })).statusCode).toBe(403);

    const resp = await operatorA.request("POST", `/api/reports/${id}/responses`, {
      internalNote: "Perusahaan tidak terdaftar sebagai P3MI.",
      publicNote: "Disnaker sedang memeriksa perusahaan yang disebut.",
    });
    expect(resp.statusCode).toBe(200);
    expect(resp.json().status).toBe("in_handling");
    expect(resp.json().forwards[0].firstResponseAt).not.toBeNull();

    const closed = await coordinator.request("POST", `/api/reports/${id}/close`, {
      outcome: "referred_to_police",
      publicNote: "Diteruskan ke kepolisian.",
    });
    expect(closed.json()).toMatchObject({ status: "closed", outcome: "referred_to_police" });

    const status = (await lookup(trackingCode, pin)).json();
    expect(status.status).toBe("closed");
    expect(status.timeline.map((e: any) => e.kind)).toEqual(["received", "verified", "forwarded", "agency_response", "closed"]);
    expect(status.timeline[3]).toMatchObject({ note: "Disnaker sedang memeriksa perusahaan yang disebut.", agency: agencyA.name });
    const publicText = JSON.stringify(status);
    expect(publicText).not.toContain("Nomor calo cocok");
    expect(publicText).not.toContain("tidak terdaftar");
    expect(publicText).not.toContain("Mohon cek izin");

    const reopened = await coordinator.request("POST", `/api/reports/${id}/reopen`, { reason: "Ada informasi baru dari keluarga." });
    expect(reopened.json().status).toBe("in_handling");

    const audits = await env.ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.resourceId, id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "report.submit",
        "report.verify",
        "report.forward",
        "report.respond",
        "report.close",
        "report.reopen",
        "report.read",
      ]),
    );
    const events = await env.ctx.db.select({ kind: reportEvents.kind }).from(reportEvents).where(eq(reportEvents.reportId, id));
    expect(events.map((e) => e.kind)).toEqual(["received", "verified", "forwarded", "agency_response", "closed", "reopened"]);
  });

  it("shows the reporter's contact to the agency only when the coordinator shares it", async () => {
    const { trackingCode } = (
      await submit({ anonymous: false, consent: true, reporter: { name: "Bu Ani", phone: "081200001111" } })
    ).json();
    const id = await idOf(trackingCode);
    await coordinator.request("POST", `/api/reports/${id}/verify`, {});
    expect((await coordinator.request("GET", `/api/reports/${id}`)).json().reporter.name).toBe("Bu Ani");
    await coordinator.request("POST", `/api/reports/${id}/forward`, {
      agencyIds: [agencyA.id, agencyB.id],
      instruction: "Hubungi pelapor.",
      shareContact: false,
    });
    expect((await operatorA.request("GET", `/api/reports/${id}`)).json().reporter).toBeNull();
    await coordinator.request("POST", `/api/reports/${id}/forward`, {
      agencyIds: [agencyA.id],
      instruction: "Hubungi pelapor.",
      shareContact: true,
    });
    expect((await operatorA.request("GET", `/api/reports/${id}`)).json().reporter.phone).toBe("081200001111");
    expect((await operatorB.request("GET", `/api/reports/${id}`)).json().reporter).toBeNull();
  });

  it("rejects with a reason and refuses unknown agencies per field", async () => {
    const { trackingCode, pin } = (await submit({})).json();
    const id = await idOf(trackingCode);
    await coordinator.request("POST", `/api/reports/${id}/verify`, {});
    const bad = await coordinator.request("POST", `/api/reports/${id}/forward`, { agencyIds: [randomUUID()], instruction: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields["agencyIds.0"]).toBeDefined();
    const rej = await coordinator.request("POST", `/api/reports/${id}/reject`, {
      reason: "Bukan dugaan TPPO.",
      publicNote: "Laporan ini bukan dugaan perdagangan orang.",
    });
    expect(rej.json().status).toBe("rejected");
    const s = (await lookup(trackingCode, pin)).json();
    expect(s.timeline.at(-1)).toMatchObject({ kind: "rejected", note: "Laporan ini bukan dugaan perdagangan orang." });
    expect(JSON.stringify(s)).not.toContain("Bukan dugaan TPPO");
  });

  it("links reports that share a phone, handle or bank account, in any spelling", async () => {
    const a = (await submit({ people: [{ phones: ["0857-1234-5678"] }] })).json();
    const b = (await submit({ people: [{ phones: ["+62 857 1234 5678"], handles: ["https://www.instagram.com/kerja.jepang/"] }] })).json();
    const c = (await submit({ people: [{ handles: ["@Kerja.Jepang"] }] })).json();
    const idB = await idOf(b.trackingCode);
    const detail = (await coordinator.request("GET", `/api/reports/${idB}`)).json();
    expect(detail.links.map((l: any) => l.trackingCode).sort()).toEqual([a.trackingCode, c.trackingCode].sort());
    expect(detail.links.find((l: any) => l.trackingCode === a.trackingCode).sharedKinds).toEqual(["phone"]);
    expect(detail.linkedReports).toBe(2);
    // Search by phone number finds both through the keyed hash.
    const found = (await coordinator.request("GET", `/api/reports?q=${encodeURIComponent("0857 1234 5678")}`)).json();
    expect(found.items.map((r: any) => r.trackingCode).sort()).toEqual([a.trackingCode, b.trackingCode].sort());
  });

  it("searches report text by word stems (keyed search tokens over the encrypted text)", async () => {
    const { trackingCode } = (await submit({ description: "Keponakan saya dipekerjakan sebagai penipu daring di Kamboja." })).json();
    const res = await coordinator.request("GET", `/api/reports?q=${encodeURIComponent("pekerjaan kamboja")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: any) => r.trackingCode)).toContain(trackingCode);
  });

  it("limits a coordinator with a kecamatan jurisdiction to that kecamatan", async () => {
    const pontang = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"], jurisdiction: ["36.04.12"] }));
    const inside = (await submit({ location: { regionCode: "36.04.12.2001" } })).json();
    const outside = (await submit({ location: { regionCode: "36.04.13.2001" } })).json();
    const items = (await pontang.request("GET", "/api/reports?limit=200")).json().items.map((r: any) => r.trackingCode);
    expect(items).toContain(inside.trackingCode);
    expect(items).not.toContain(outside.trackingCode);
    expect((await pontang.request("GET", `/api/reports/${await idOf(outside.trackingCode)}`)).statusCode).toBe(404);
    expect((await pontang.request("GET", `/api/reports/${await idOf(inside.trackingCode)}`)).statusCode).toBe(200);
  });
});

describe("authorization", () => {
  const others: Role[] = ["admin", "volunteer", "pimpasa", "auditor", "interview_officer", "case_manager", "investigator"];
  it.each(others)("%s cannot list or read reports", async (role) => {
    const { trackingCode } = (await submit({})).json();
    const id = await idOf(trackingCode);
    const c = await sessionFor(env, await createUser(env.ctx, { roles: [role] }));
    expect((await c.request("GET", "/api/reports")).statusCode).toBe(403);
    expect((await c.request("GET", "/api/reports/inbox")).statusCode).toBe(403);
    expect((await c.request("GET", `/api/reports/${id}`)).statusCode).toBe(403);
    expect((await c.request("POST", `/api/reports/${id}/verify`, {})).statusCode).toBe(403);
    expect((await c.request("GET", `/api/reports/${id}/attachments/${randomUUID()}`)).statusCode).toBe(403);
    const me = (await c.request("GET", "/api/auth/me")).json();
    expect(me.user.abilities).toMatchObject({ viewReports: false, triageReports: false });
  });

  it("asks anonymous callers to sign in", async () => {
    expect((await pub().request("GET", "/api/reports")).statusCode).toBe(401);
    expect((await pub().request("GET", `/api/reports/${randomUUID()}`)).statusCode).toBe(401);
  });

  it("gives coordinators and operators the menu abilities", async () => {
    expect((await coordinator.request("GET", "/api/auth/me")).json().user.abilities).toMatchObject({
      viewReports: true,
      triageReports: true,
    });
    expect((await operatorA.request("GET", "/api/auth/me")).json().user.abilities).toMatchObject({
      viewReports: true,
      triageReports: false,
    });
  });
});

describe("quota", () => {
  it("accepts only its quota from one client while others still get through", async () => {
    const limited = await createTestEnv({ publicRateLimit: true, reportsPerHour: 3 });
    try {
      const send = (ip: string) =>
        limited.app.inject({
          method: "POST",
          url: "/api/public/reports",
          remoteAddress: ip,
          payload: { submissionId: randomUUID(), category: "other", description: "Laporan uji kuota per klien." },
        });
      // Sequential: @fastify/rate-limit's local store hands every request in one tick the same mutable
      // counter, so a same-tick burst is over-limited (all 429), never under-limited.
      const flood = [];
      for (let i = 0; i < 8; i++) {
        flood.push(await send("203.0.113.9"));
        if (i === 4) expect((await send("198.51.100.7")).statusCode).toBe(201);
      }
      expect(flood.map((r) => r.statusCode).sort(), flood[0]!.body).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
      expect(flood.filter((r) => r.statusCode === 429)).toHaveLength(5);
      expect((await send("198.51.100.7")).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
