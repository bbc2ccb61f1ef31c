// Narratives and names are stored sealed (issue 13, item 3): report texts, timeline notes, volunteer
// names and outreach facilitators never sit in the database in the clear; search still finds a report
// by its words (keyed tokens); text stored before encryption is sealed after migrations; key rotation
// re-encrypts the new columns.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/server/db/client";
import { sealLegacyPlaintextAll } from "../src/server/legacy-plaintext";
import { loadKeyRing } from "../src/server/lib/crypto";
import { reencryptAll, rotateKeyFiles } from "../src/server/lib/key-rotation";
import { session } from "../src/server/modules/outreach/outreach.fixtures";
import { anonymous, type Client, createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

const DESA = "36.04.12.2001";

let env: TestEnv;
let coordinator: Client;
let relawan: Client;

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
  relawan = await sessionFor(env, await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [DESA] }));
});
afterAll(() => env.close());

/** The whole raw row as the database holds it, as text. */
async function rawRow(table: string, where: ReturnType<typeof sql>): Promise<string> {
  const rows = rowsOf<{ j: string }>(await env.ctx.db.execute(sql`SELECT row_to_json(t)::text AS j FROM ${sql.identifier(table)} t WHERE ${where}`));
  expect(rows).toHaveLength(1);
  return rows[0]!.j;
}

const submit = (body: Record<string, unknown>) =>
  anonymous(env.app).request("POST", "/api/public/reports", { submissionId: randomUUID(), category: "suspicious_offer", ...body });

const searchCodes = async (q: string): Promise<string[]> => {
  const res = await coordinator.request("GET", `/api/reports?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((r: { trackingCode: string }) => r.trackingCode);
};

async function reportId(trackingCode: string): Promise<string> {
  const [r] = rowsOf<{ id: string }>(
    await env.ctx.db.execute(sql`SELECT id FROM public_reports WHERE tracking_code = ${trackingCode.replace("-", "")}`),
  );
  return r!.id;
}

describe("report texts", () => {
  it("stores description, offer, place, time and companies sealed; staff read them; search finds the report by its words", async () => {
    const res = await submit({
      description: "Adik saya Wulandari dipekerjakan paksa di Sihanoukville tanpa gaji.",
      offerText: "Lowongan operator, gaji 15 juta, hubungi Pak Hendrawan",
      location: { placeText: "Kompleks Jinbei, Sihanoukville" },
      occurredText: "sejak Lebaran kemarin",
      people: [{ role: "recruiter", name: "Hendrawan", companies: ["PT Cahaya Rekrut Abadi"] }],
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    const id = await reportId(trackingCode);
    const raw = await rawRow("public_reports", sql`id = ${id}`);
    for (const word of ["Wulandari", "Sihanoukville", "Hendrawan", "Jinbei", "Lebaran", "Cahaya Rekrut"]) expect(raw).not.toContain(word);

    const detail = (await coordinator.request("GET", `/api/reports/${id}`)).json();
    expect(detail).toMatchObject({
      description: "Adik saya Wulandari dipekerjakan paksa di Sihanoukville tanpa gaji.",
      offerText: "Lowongan operator, gaji 15 juta, hubungi Pak Hendrawan",
      placeText: "Kompleks Jinbei, Sihanoukville",
      occurredText: "sejak Lebaran kemarin",
      people: [{ name: "Hendrawan", companies: ["PT Cahaya Rekrut Abadi"] }],
    });
    const list = (await coordinator.request("GET", "/api/reports?limit=100")).json();
    expect(list.items.find((r: { trackingCode: string }) => r.trackingCode === trackingCode)).toMatchObject({
      excerpt: "Adik saya Wulandari dipekerjakan paksa di Sihanoukville tanpa gaji.",
      placeText: "Kompleks Jinbei, Sihanoukville",
    });

    // A word of the description, of the offer, of the place, of a company; any case, accents ignored, several words.
    expect(await searchCodes("wulandari")).toContain(trackingCode);
    expect(await searchCodes("SIHANOUKVILLE gaji")).toContain(trackingCode);
    expect(await searchCodes("Hendrawan")).toContain(trackingCode);
    expect(await searchCodes("Jinbéi")).toContain(trackingCode);
    expect(await searchCodes("cahaya")).toContain(trackingCode);
    // Word stems: a prefix of a word, and a form with other affixes.
    expect(await searchCodes("Sihanouk")).toContain(trackingCode);
    expect(await searchCodes("pekerjaan")).toContain(trackingCode);
    // Every word must match; a word the report does not hold excludes it.
    expect(await searchCodes("wulandari malaysia")).not.toContain(trackingCode);
    expect(await searchCodes("Lebaran")).not.toContain(trackingCode); // the time in words is not searched
    // The tracking code still finds it.
    expect(await searchCodes(trackingCode)).toEqual([trackingCode]);
  });

  it("stores timeline notes sealed; staff and (for the public note) the reporter read them", async () => {
    const res = await submit({ description: "Tawaran kerja ke Jepang lewat grup WhatsApp desa." });
    const { trackingCode, pin } = res.json();
    const id = await reportId(trackingCode);
    const verified = await coordinator.request("POST", `/api/reports/${id}/verify`, {
      publicNote: "Laporan Anda sedang ditangani petugas Ratnasari.",
      internalNote: "Pelapor adalah bibi korban, Bu Kartikasari.",
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const events = rowsOf<{ j: string }>(
      await env.ctx.db.execute(sql`SELECT row_to_json(e)::text AS j FROM report_events e WHERE report_id = ${id}`),
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events) {
      expect(e.j).not.toContain("Ratnasari");
      expect(e.j).not.toContain("Kartikasari");
    }
    expect(verified.json().timeline.at(-1)).toMatchObject({
      kind: "verified",
      publicNote: "Laporan Anda sedang ditangani petugas Ratnasari.",
      internalNote: "Pelapor adalah bibi korban, Bu Kartikasari.",
    });
    const pub = (await anonymous(env.app).request("POST", "/api/public/reports/lookup", { trackingCode, pin })).json();
    expect(pub.timeline.at(-1)).toMatchObject({ kind: "verified", note: "Laporan Anda sedang ditangani petugas Ratnasari." });
    expect(JSON.stringify(pub)).not.toContain("Kartikasari");
  });
});

describe("volunteer names and facilitators", () => {
  it("stores a volunteer's name sealed and shows it to the coordinator", async () => {
    const res = await coordinator.request("POST", "/api/volunteers", {
      name: "Sri Rahayuningsih",
      desaCodes: [DESA],
      consentAt: "2025-02-01",
      codeOfConductAt: "2025-02-01",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await rawRow("volunteers", sql`id = ${res.json().id}`)).not.toContain("Rahayuningsih");
    expect((await coordinator.request("GET", `/api/volunteers/${res.json().id}`)).json().name).toBe("Sri Rahayuningsih");
    const renamed = await coordinator.request("PATCH", `/api/volunteers/${res.json().id}`, { name: "Sri Rahayu Wardhani" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe("Sri Rahayu Wardhani");
    expect(await rawRow("volunteers", sql`id = ${res.json().id}`)).not.toContain("Wardhani");
  });

  it("stores an outreach session's facilitators sealed and shows them to the recorder", async () => {
    const body = session({ facilitators: ["Ibu Purwaningsih", "Pak Sukarnoputra"] });
    const res = await relawan.request("POST", "/api/outreach/sessions", body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().facilitators).toEqual(["Ibu Purwaningsih", "Pak Sukarnoputra"]);
    const raw = await rawRow("outreach_sessions", sql`id = ${body.id}`);
    expect(raw).not.toContain("Purwaningsih");
    expect(raw).not.toContain("Sukarnoputra");
    const edited = await relawan.request("PATCH", `/api/outreach/sessions/${body.id}`, { facilitators: ["Ibu Kusumawardani"] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().facilitators).toEqual(["Ibu Kusumawardani"]);
    expect(await rawRow("outreach_sessions", sql`id = ${body.id}`)).not.toContain("Kusumawardani");
  });
});

describe("text stored in the clear before encryption", () => {
  it("is sealed after migrations, the plaintext emptied, reads and search keep working; a second run finds nothing", async () => {
    const res = await submit({ description: "Laporan sebelum enkripsi." });
    const id = await reportId(res.json().trackingCode);
    // What a database written by the previous release holds: plaintext columns, no ciphertext.
    await env.ctx.db.execute(sql`UPDATE public_reports SET description = 'Kakak saya Margaretha dibawa ke Erbil lewat calo',
      description_enc = NULL, offer_text = 'Gaji besar di Kurdistan', place_text = 'Erbil', occurred_text = 'Maret',
      companies = ARRAY['PT Lama Sekali'], search_tokens = '{}' WHERE id = ${id}`);
    const [{ eid }] = rowsOf<{ eid: number }>(
      await env.ctx.db.execute(sql`INSERT INTO report_events (tenant, report_id, kind, internal_note, public_note)
        VALUES (${env.ctx.config.regency}, ${id}, 'note', 'Catatan lama tentang Margaretha', 'Catatan publik lama') RETURNING id AS eid`),
    ) as [{ eid: number }];
    const vol = rowsOf<{ id: string }>(
      await env.ctx.db.execute(sql`INSERT INTO volunteers (tenant, name, desa_codes, consent_at, code_of_conduct_at, code_of_conduct_version)
        VALUES (${env.ctx.config.regency}, 'Relawan Lama Suryaningrum', ARRAY[${DESA}], '2025-01-01', '2025-01-01', 'v1') RETURNING id`),
    )[0]!.id;
    const body = session();
    expect((await relawan.request("POST", "/api/outreach/sessions", body)).statusCode).toBe(201);
    await env.ctx.db.execute(
      sql`UPDATE outreach_sessions SET facilitators = ARRAY['Fasilitator Lama Wiryawan'], facilitators_enc = NULL WHERE id = ${body.id}`,
    );

    expect(await sealLegacyPlaintextAll(env.ctx)).toBeGreaterThanOrEqual(4);
    const report = await rawRow("public_reports", sql`id = ${id}`);
    for (const word of ["Margaretha", "Kurdistan", "Erbil", "Maret", "Lama Sekali"]) expect(report).not.toContain(word);
    expect(await rawRow("report_events", sql`id = ${eid}`)).not.toContain("Catatan");
    expect(await rawRow("volunteers", sql`id = ${vol}`)).not.toContain("Suryaningrum");
    expect(await rawRow("outreach_sessions", sql`id = ${body.id}`)).not.toContain("Wiryawan");

    const detail = (await coordinator.request("GET", `/api/reports/${id}`)).json();
    expect(detail).toMatchObject({
      description: "Kakak saya Margaretha dibawa ke Erbil lewat calo",
      offerText: "Gaji besar di Kurdistan",
      placeText: "Erbil",
      occurredText: "Maret",
    });
    expect(detail.timeline.find((e: { kind: string }) => e.kind === "note")).toMatchObject({
      internalNote: "Catatan lama tentang Margaretha",
      publicNote: "Catatan publik lama",
    });
    expect(await searchCodes("margaretha kurdistan")).toEqual([res.json().trackingCode]);
    expect((await coordinator.request("GET", `/api/volunteers/${vol}`)).json().name).toBe("Relawan Lama Suryaningrum");
    expect((await relawan.request("GET", `/api/outreach/sessions/${body.id}`)).json().facilitators).toEqual(["Fasilitator Lama Wiryawan"]);
    expect(await sealLegacyPlaintextAll(env.ctx)).toBe(0);
  });
});

describe("key rotation", () => {
  it("re-encrypts the report texts, notes, volunteer names and facilitators; reads and search keep working", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-keys-"));
    try {
      fs.writeFileSync(path.join(dir, "secret.key"), env.ctx.keys.current.toString("base64"), { mode: 0o600 });
      const res = await submit({ description: "Tetangga kami Anggraeni ditawari kerja di Dubai." });
      const id = await reportId(res.json().trackingCode);
      const before = loadKeyRing({ dataDir: dir });
      rotateKeyFiles(dir, before);
      const after = loadKeyRing({ dataDir: dir });
      const counts = await reencryptAll(env.ctx.db, after);
      for (const column of [
        "public_reports.description_enc",
        "public_reports.offer_text_enc",
        "public_reports.place_text_enc",
        "public_reports.companies_enc",
        "report_events.public_note_enc",
        "report_events.internal_note_enc",
        "volunteers.name_enc",
        "outreach_sessions.facilitators_enc",
      ])
        expect(counts[column], column).toBeGreaterThanOrEqual(1);
      const [row] = rowsOf<{ d: string }>(await env.ctx.db.execute(sql`SELECT description_enc AS d FROM public_reports WHERE id = ${id}`));
      expect(row!.d.split(".")[1]).toBe(after.id);

      (env.ctx as { keys: typeof after }).keys = after;
      expect((await coordinator.request("GET", `/api/reports/${id}`)).json().description).toBe(
        "Tetangga kami Anggraeni ditawari kerja di Dubai.",
      );
      // The token key derives from the pinned keyed-hash key: search survives rotation without re-indexing.
      expect(await searchCodes("anggraeni dubai")).toEqual([res.json().trackingCode]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
