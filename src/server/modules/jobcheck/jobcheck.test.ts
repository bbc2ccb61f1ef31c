import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, type TestEnv } from "../../../../test/helpers/app";
import { registryIndexFor } from "../p3mi/p3mi.index";
import { seedDemoP3mi } from "../p3mi/p3mi.demo";

const RISKY =
  "Dibutuhkan admin di Kamboja gj 15jt, brgkt gratis, tanpa pengalaman, visa turis nanti diurus di sana. Minat WA 0812-3456-7890";
const licensedOffer = (company: string) =>
  `${company} (P3MI resmi, SIP2MI No. B.1/PL/2026) lowongan pabrik Taiwan NT$ 28.590, visa kerja, medical, PAP.`;

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const check = (body: unknown, headers: Record<string, string> = {}, e = env) =>
  anonymous(e.app).request("POST", "/api/public/jobcheck", body, headers);
const codes = (res: { json(): { flags: { code: string }[] } }) => res.json().flags.map((f) => f.code);

describe("POST /api/public/jobcheck", () => {
  it("answers tinggi with the red flags, explanations and advice for a trafficking offer", async () => {
    const res = await check({ text: RISKY });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.level).toBe("tinggi");
    expect(body.score).toBeGreaterThanOrEqual(70);
    expect(codes(res)).toEqual(
      expect.arrayContaining(["tourist_visa", "scam_hotspot_destination", "unrealistic_salary", "no_skill_required"]),
    );
    const visa = body.flags.find((f: { code: string }) => f.code === "tourist_visa");
    expect(visa.title).toBeTruthy();
    expect(visa.explanation).toBeTruthy();
    expect(visa.evidence[0].text.toLowerCase()).toContain("visa turis");
    expect(body.entities.phones).toEqual(["+6281234567890"]);
    expect(body.entities.destinations[0].country).toBe("KH");
    expect(body.advice.join(" ")).toMatch(/SISKOP2MI|KP2MI/);
    expect(body.registryUsed).toBe(false);
  });

  it("never calls a plain local job risky", async () => {
    const res = await check({ text: "Dicari karyawan toko bangunan di Kragilan, gaji UMK Serang, kirim lamaran ke kantor kami." });
    expect(res.json().level).toBe("rendah");
    expect(res.json().flags).toEqual([]);
  });

  it.each([
    ["empty", { text: "" }, "Wajib diisi."],
    ["only spaces", { text: "   \n " }, "Wajib diisi."],
    ["missing", {}, "Wajib diisi."],
    ["too long", { text: "a".repeat(5001) }, "Terlalu panjang (maksimal 5000 karakter)."],
    ["a number", { text: 42 }, "Harus berupa teks."],
    ["an array", { text: ["kerja di Kamboja"] }, "Harus berupa teks."],
  ])("refuses %s text with a field message", async (_, body, message) => {
    const res = await check(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.fields).toEqual({ text: message });
  });

  it("explains in English when asked, and accepts exactly 5,000 characters", async () => {
    const res = await check({ text: "" }, { "accept-language": "en" });
    expect(res.json().error.fields.text).toBe("Required.");
    expect((await check({ text: "a".repeat(5000) })).statusCode).toBe(200);
  });

  it("refuses unknown fields and bodies over 32 KiB", async () => {
    expect((await check({ text: RISKY, extra: 1 })).statusCode).toBe(400);
    const big = await check({ text: "x".repeat(40 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
  });
});

describe("the licensed-agency registry in the checker", () => {
  beforeAll(async () => {
    await seedDemoP3mi(env.ctx);
  });

  it("lowers the risk for an active licensed company named in the message", async () => {
    const res = await check({ text: licensedOffer("PT Contoh Penempatan Sejahtera") });
    expect(res.json().registryUsed).toBe(true);
    expect(codes(res)).toEqual([]);
    expect(res.json().signals.map((s: { code: string }) => s.code)).toContain("licensed_agency");
    expect(res.json().level).toBe("rendah");
  });

  it.each([
    ["revoked", "PT Contoh Jasa Migran"],
    ["suspended", "PT Contoh Mitra Bahari"],
    ["expired", "PT Contoh Lama Abadi"],
    ["not_found", "PT Karya Bayangan Nusantara"],
  ])("names the outcome %s and raises unlicensed_recruiter on the company's name", async (outcome, company) => {
    const res = await check({ text: licensedOffer(company) });
    expect(codes(res)).toContain("unlicensed_recruiter");
    expect(res.json().signals.map((s: { code: string }) => s.code)).not.toContain("licensed_agency");
    expect(res.json().registry).toEqual([expect.objectContaining({ kind: "company", query: company, outcome })]);
    const ur = res.json().flags.find((f: { code: string }) => f.code === "unlicensed_recruiter");
    expect(ur.evidence.map((e: { text: string }) => e.text)).toContain(company);
    expect(ur.evidence.map((e: { text: string }) => e.text)).not.toContain("P3MI");
  });

  it("names the licensed outcome with the registry's record", async () => {
    const res = await check({ text: licensedOffer("PT Contoh Penempatan Sejahtera") });
    expect(res.json().registry).toEqual([
      expect.objectContaining({
        outcome: "licensed",
        registeredName: "PT Contoh Penempatan Sejahtera (fiktif)",
        licenceNumber: "DEMO/SIP3MI/001/2025",
      }),
    ]);
  });

  it("looks licence numbers written in the text up, whatever their punctuation", async () => {
    const res = await check({ text: "Lowongan pabrik Taiwan, hubungi kantor kami. SIP3MI: DEMO-SIP3MI-004-2022" });
    const licences = res.json().registry.filter((r: { kind: string }) => r.kind === "licence");
    expect(licences).toEqual([
      expect.objectContaining({ query: "DEMO-SIP3MI-004-2022", outcome: "revoked", licenceNumber: "DEMO/SIP3MI/004/2022" }),
    ]);
    const unknown = await check({ text: "Kerja pabrik Taiwan. SIP3MI No. 999/ZZ/2024, hubungi kantor kami." });
    expect(unknown.json().registry).toEqual([expect.objectContaining({ kind: "licence", query: "999/ZZ/2024", outcome: "not_found" })]);
  });

  it("does not use the word P3MI alone, with no company named, as evidence of anything", async () => {
    const res = await check({ text: "Kerja pabrik Taiwan lewat P3MI resmi, visa kerja, medical dan PAP di Indonesia. Daftar di LTSA." });
    expect(codes(res)).toEqual([]);
    expect(res.json().registry).toEqual([]);
  });

  it("sees an import at once", async () => {
    const text = licensedOffer("PT Contoh Baru Terdaftar");
    expect(codes(await check({ text }))).toContain("unlicensed_recruiter");
    const { importP3mi } = await import("../p3mi/p3mi.service");
    await importP3mi(
      env.ctx,
      {
        rows: [
          {
            row: 2,
            name: "PT Contoh Baru Terdaftar (fiktif)",
            licenceNumber: "DEMO/SIP3MI/900/2026",
            validFrom: "2026-01-01",
            validUntil: "2031-01-01",
            status: "active",
            headOfficeAddress: null,
            branches: [],
            source: "uji",
            lastVerifiedOn: "2026-11-01",
          },
        ],
        rejected: [],
      },
      { source: "uji" },
    );
    expect(codes(await check({ text }))).toEqual([]);
    expect(registryIndexFor(env.ctx).size).toBe(6);
  });
});

describe("public rate limits", () => {
  it("answers 429 once a client has used its quota", async () => {
    const limited = await createTestEnv({ publicChecksPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await check({ text: RISKY }, {}, limited)).statusCode).toBe(200);
      const over = await check({ text: RISKY }, {}, limited);
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe("rate_limited");
      expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) await anonymous(limited.app).request("GET", "/api/public/agencies?q=contoh");
      expect((await anonymous(limited.app).request("GET", "/api/public/agencies?q=contoh")).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("has no per-client limit with SIMPUL_PUBLIC_RATE_LIMIT=0", async () => {
    const open = await createTestEnv({ publicChecksPerMinute: 3, publicRateLimit: false });
    try {
      for (let i = 0; i < 10; i++) expect((await check({ text: RISKY }, {}, open)).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});
