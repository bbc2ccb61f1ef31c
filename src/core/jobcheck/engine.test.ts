import { describe, expect, it } from "vitest";
import { checkJobOffer, FLAG_CODES, FLAG_MESSAGES, JOB_TEXT_MAX, JobTextError, LEVEL_LABELS, SIGNAL_MESSAGES } from "./index.js";
import { flagCodes } from "./engine.fixtures";

describe("checkJobOffer: behaviour", () => {
  it("flags the Kamboja admin sponsor message as tinggi with the right flags", () => {
    const r = checkJobOffer(
      "kerja admin di Kamboja gj 15jt, brgkt gratis, tanpa pengalaman, visa turis nanti diurus di sana. WA 0838-1120-6654",
    );
    expect(r.level).toBe("tinggi");
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(r.flags.map((f) => f.code)).toEqual(
      expect.arrayContaining([
        "scam_hotspot_destination",
        "online_scam_job",
        "unrealistic_salary",
        "no_skill_required",
        "tourist_visa",
        "unlicensed_recruiter",
      ]),
    );
    expect(r.entities.destinations).toEqual([{ country: "KH" }]);
    expect(r.entities.phones).toEqual(["+6283811206654"]);
    const tv = r.flags.find((f) => f.code === "tourist_visa");
    expect(tv?.evidence[0].text.toLowerCase()).toBe("visa turis");
  });

  it("keeps the Korea G-to-G programme at Rp 25 juta rendah", () => {
    const r = checkJobOffer(
      "Program G to G Korea Selatan (EPS-TOPIK) sektor manufaktur. Gaji ± Rp 25 juta per bulan sesuai upah minimum Korea. " +
        "Pendaftaran hanya melalui laman resmi KP2MI, tidak dipungut biaya selain biaya ujian. Wajib lulus tes bahasa Korea. Waspada calo!",
    );
    expect(r.level).toBe("rendah");
    expect(r.flags).toEqual([]);
    expect(r.signals.map((s) => s.code)).toEqual(expect.arrayContaining(["official_programme", "official_channel"]));
  });

  it("treats awareness posts as rendah with no flags", () => {
    for (const text of [
      "⚠️ WASPADA ⚠️ Jangan tergiur tawaran kerja admin di Kamboja gaji 20 juta tanpa pengalaman pakai visa turis. Paspor bisa ditahan. Laporkan ke Disnakertrans Kab. Serang.",
      "Awas! Ulah percanten ka lowongan kerja di Myanmar anu gajihna ageung. Eta modus TPPO.",
      "Beware: easy typing jobs in Cambodia with big salaries are trafficking traps. Never travel on a tourist visa for work.",
    ]) {
      const r = checkJobOffer(text);
      expect(r.level).toBe("rendah");
      expect(r.flags).toEqual([]);
      expect(r.awareness).toBe(true);
    }
  });

  it("still flags an offer that opens by denying the risk", () => {
    const r = checkJobOffer("Jangan takut kerja di Kamboja, itu hoaks! Aku kerja di sini gaji 20jt cuma chat customer. Mau ikut? chat aku");
    expect(r.level).toBe("tinggi");
  });

  it("respects negation", () => {
    expect(
      flagCodes(
        "PT Mitra Karya Banten (P3MI, SIP2MI No. B.2231/PL/V/2026) lowongan pabrik di Johor, Malaysia, gaji RM 1.800. Tidak dipungut biaya, bukan PRT, tanpa potongan gaji, paspor tidak ditahan, visa kerja.",
      ),
    ).toEqual([]);
    expect(flagCodes("Housekeeping hotel di Madinah (bukan rumah tangga), gaji SAR 1.600, PT Hijrah (P3MI berizin), visa kerja.")).toEqual(
      [],
    );
    expect(flagCodes("Paspor dipegang sendiri oleh pekerja. Operator pabrik Taiwan NT$ 28.590 lewat PT Duta (P3MI).")).not.toContain(
      "document_retention",
    );
  });

  it("knows every moratorium country by name, and only domestic work there is flagged", () => {
    for (const place of ["Kairo, Mesir", "Karachi Pakistan", "Sudan Selatan", "Teheran, Iran", "Maroko", "Beirut"])
      expect(flagCodes(`Lowongan ART / PRT untuk keluarga di ${place}, gaji besar, berangkat cepat.`), place).toContain(
        "moratorium_destination",
      );
    expect(flagCodes("Lowongan teknisi pengeboran minyak di Kairo, Mesir, lewat P3MI berizin.")).not.toContain("moratorium_destination");
  });

  it("detects decisive flags in chat-style Indonesian, Sundanese and Jawa Serang", () => {
    expect(flagCodes("Dicari ART buat keluarga di Riyadh gaji 1.500 SR, inbox aja")).toContain("moratorium_destination");
    expect(flagCodes("Sire pengen kerja ning Malaysia? Beli usah paspor, nyebrang liwat Nunukan. Hubungi kite 0877-4455-1290")).toContain(
      "irregular_route",
    );
    expect(flagCodes("Budak awewe umur 15 oge tiasa, damel di Malaysia. Mangga ka abdi")).toContain("underage_or_fake_identity");
    expect(flagCodes("Kerja di Selangor RM 1.700, paspor disimpan bos biar gak kabur. WA 0812-1111-2222")).toContain("document_retention");
  });

  it("does not flag realistic domestic jobs", () => {
    const r = checkJobOffer("Dicari karyawan warung bakso di Serang, gaji Rp 2.200.000 + makan. Lulusan SMP boleh. Hub 0813-4455-0011");
    expect(r.level).toBe("rendah");
    expect(r.signals.map((s) => s.code)).toContain("domestic_job");
  });

  it("never calls an offer safe", () => {
    const texts = ["Dicari kasir minimarket di Cilegon, gaji UMK, BPJS.", "Loker CS online di Phnom Penh gaji 20jt, WA 0812-3456-7890"];
    const unsafe = /\b(aman|safe)\b/i;
    for (const t of texts) {
      const r = checkJobOffer(t);
      for (const s of [...r.advice, ...r.adviceEn]) expect(s).not.toMatch(unsafe);
    }
    for (const c of FLAG_CODES) {
      const m = FLAG_MESSAGES[c];
      for (const s of [m.title, m.explanation, m.titleEn, m.explanationEn]) expect(s).not.toMatch(unsafe);
    }
    for (const m of Object.values(SIGNAL_MESSAGES)) expect(`${m.title} ${m.titleEn}`).not.toMatch(unsafe);
    for (const m of Object.values(LEVEL_LABELS)) expect(`${m.id} ${m.en}`).not.toMatch(unsafe);
  });

  it("returns a complete result shape with Indonesian and English texts", () => {
    const r = checkJobOffer("Lowongan ART di Dubai, transfer 3 jt ke rek BRI a.n. Wati. WA 0813-4455-2211");
    expect(["tinggi", "sedang", "rendah"]).toContain(r.level);
    for (const f of r.flags) {
      expect(f.title.length).toBeGreaterThan(0);
      expect(f.explanation.endsWith(".")).toBe(true);
      expect(f.titleEn.length).toBeGreaterThan(0);
      for (const e of f.evidence)
        expect(e.text).toBe("Lowongan ART di Dubai, transfer 3 jt ke rek BRI a.n. Wati. WA 0813-4455-2211".slice(e.start, e.end));
    }
    expect(r.advice.join(" ")).toMatch(/SISKOP2MI/);
    expect(r.advice.join(" ")).toMatch(/0800-1000/);
    expect(r.advice.join(" ")).toMatch(/rekening pribadi/);
    expect(r.adviceEn.length).toBe(r.advice.length);
  });

  it("uses the agency lookup", () => {
    const text = "PT Maju Sentosa (P3MI, SIP2MI No. B.1/PL/2026) lowongan pabrik Taiwan NT$ 28.590, visa kerja, medical, PAP.";
    expect(checkJobOffer(text, { lookupAgency: () => ({ status: "active" }) }).flags).toEqual([]);
    expect(flagCodes(text)).toEqual([]);
    const revoked = checkJobOffer(text, { lookupAgency: () => ({ status: "revoked" }) });
    expect(revoked.flags.map((f) => f.code)).toContain("unlicensed_recruiter");
    const unknown = checkJobOffer(text, { lookupAgency: () => undefined });
    expect(unknown.flags.map((f) => f.code)).toContain("unlicensed_recruiter");
  });

  it("validates input", () => {
    expect(() => checkJobOffer("")).toThrow(JobTextError);
    expect(() => checkJobOffer("a".repeat(JOB_TEXT_MAX + 1))).toThrow(JobTextError);
    expect(() => checkJobOffer(42 as unknown as string)).toThrow(JobTextError);
    expect(checkJobOffer("a".repeat(JOB_TEXT_MAX)).level).toBe("rendah");
  });

  it("handles adversarial 5,000-character inputs quickly", () => {
    const samples = [
      "9".repeat(JOB_TEXT_MAX),
      "paspor ".repeat(700),
      "1.000.".repeat(800),
      "a.n. ".repeat(1000),
      "rek ".repeat(1200),
      `${"gaji 15jt tanpa pengalaman di Kamboja, WA 0812-1111-2222. ".repeat(80)}`.slice(0, JOB_TEXT_MAX),
    ];
    for (const s of samples) {
      const t0 = performance.now();
      checkJobOffer(s);
      expect(performance.now() - t0).toBeLessThan(250);
    }
  });
});
