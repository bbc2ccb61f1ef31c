/** Issue 14 failure and over-flagging families, each on text written for this test (not from the eval sets). */
import { describe, expect, it } from "vitest";
import { checkJobOffer } from "./index.js";
import { flagCodes } from "./engine.fixtures";
import { normalise, normaliseToken, toOriginal } from "./normalise.js";

describe("normaliser", () => {
  it("reads de-voweled and shortened chat forms as the lexicon words", () => {
    expect(normaliseToken("tnpa")).toBe("tanpa");
    expect(normaliseToken("pglmn")).toBe("pengalaman");
    expect(normaliseToken("brgkt")).toBe("berangkat");
    expect(normaliseToken("lgsg")).toBe("langsung");
    expect(normaliseToken("pspr")).toBe("paspor");
    expect(normaliseToken("dpgg")).toBe("dipegang");
  });

  it("leaves ordinary words, acronyms and place names alone", () => {
    for (const w of ["dan", "smp", "ktp", "penh", "park", "pln", "gaji", "bisa", "pas"]) expect(normaliseToken(w)).toBeNull();
  });

  it("maps regional words and keeps offsets back to the original text", () => {
    const lower = "paspor dicekel juragan, budhal sesuk";
    const n = normalise(lower);
    expect(n.text).toBe("paspor dipegang bos, berangkat besok");
    const at = n.text.indexOf("dipegang bos");
    expect(toOriginal(n, at, at + "dipegang bos".length)).toEqual({ start: 7, end: 22 });
  });

  it("quotes the words as the sender wrote them in the evidence", () => {
    const r = checkJobOffer("Krj kebun di Sabah, pspr dipgg mandor sampe kontrak habis. Hub Bang Udin 0812-7711-2299");
    const ev = r.flags.find((f) => f.code === "document_retention")?.evidence[0].text;
    expect(ev).toBe("pspr dipgg");
  });
});

describe("failure families", () => {
  it("Javanese: childcare in the Gulf with the passport held", () => {
    const c = flagCodes("Golek wong momong bocah neng Kuwait, paspor dicekel juragan. Hubungi Mbak Yati 0857-3321-8890");
    expect(c).toEqual(expect.arrayContaining(["moratorium_destination", "document_retention", "unlicensed_recruiter"]));
  });

  it("gazetteer and short forms map cities to countries", () => {
    const r = checkJobOffer("Lowongan operator chat di Kampot, gaji 1.300 USD, tanpa pengalaman. DM admin");
    expect(r.entities.destinations[0]).toEqual({ country: "KH", city: "Kampot" });
    expect(r.flags.map((f) => f.code)).toContain("scam_hotspot_destination");
    expect(checkJobOffer("Kerja cuci piring di KL gaji RM 1.600, hub Kak Yuni 0812-5511-2200").entities.destinations[0].country).toBe("MY");
  });

  it("disguised travel and negated work visa are tourist_visa", () => {
    expect(flagCodes("Kerja toko di Jeddah, gak perlu visa kerja, masuk pakai paspor pelancong aja. WA Pak Amin 0812-1111-2299")).toContain(
      "tourist_visa",
    );
    expect(flagCodes("Ikut paket umroh dulu, sampai Makkah langsung kerja di laundry gaji 1.600 riyal. Info Bu Hj Rosi")).toContain(
      "tourist_visa",
    );
  });

  it("debt as the agent's cut, and contracts signed only on arrival", () => {
    expect(flagCodes("PT Maju Terus: kerja kilang di Penang, gaji RM 1.800, potongan agen RM 250 tiap bulan")).toContain("debt_bondage");
    expect(flagCodes("Kerja pabrik di Taiwan, kontrak ditandatangani setibanya di sana. Hub Kak Ani 0813-2222-1100")).toContain(
      "fast_departure",
    );
  });

  it("task scams paying into a mentor's account", () => {
    expect(flagCodes("Kerja online dari rumah, klik tugas harian, komisi 80rb. Deposit 250rb ke rekening mentor untuk buka misi.")).toEqual(
      expect.arrayContaining(["online_scam_job", "upfront_payment_personal_account"]),
    );
  });

  it("sexual-exploitation ads: an age window below 18 and no parental permission", () => {
    const c = flagCodes(
      "Cari pemandu lagu di Johor usia 16-24 th, kirim foto full body, tanpa izin orang tua. WA Mami Dona 0822-3311-4400",
    );
    expect(c).toEqual(expect.arrayContaining(["underage_or_fake_identity", "secrecy"]));
  });
});

describe("over-flagging families", () => {
  it("employer-direct skilled hiring abroad is rendah", () => {
    const r = checkJobOffer(
      "Hiring a senior civil engineer (S1, 8 years of experience) for our Abu Dhabi office. Salary AED 22,000. Work visa sponsored. Apply at careers@gulfbuild.ae",
    );
    expect(r.level).toBe("rendah");
    expect(r.flags).toEqual([]);
  });

  it("English and Indonesian negation of hotspot destinations", () => {
    expect(flagCodes("We never place workers in Cambodia, Laos or Myanmar. Our caregivers go to Taiwan via P3MI with SIP2MI.")).toEqual([]);
    expect(flagCodes("Kami tidak mengirim pekerja ke Kamboja maupun Myanmar; penempatan resmi hanya lewat LTSA.")).toEqual([]);
  });

  it("a company's own claim of registration does not silence the red flags", () => {
    const c = flagCodes(
      "PT Sinar Digital, resmi terdaftar di Kemnaker, buka CS online di Phnom Penh gaji 20 jt tanpa pengalaman. WA 0812-4545-1212",
    );
    expect(c).toEqual(expect.arrayContaining(["no_skill_required", "unlicensed_recruiter", "online_scam_job"]));
  });

  it("'slot terbatas' and proof-of-funds amounts are not scam or pay evidence", () => {
    expect(flagCodes("PT Bina Insani (P3MI, SIP2MI B.1/PL/2025) caregiver Taiwan, slot terbatas, daftar di LTSA.")).toEqual([]);
    expect(flagCodes("Visa pelajar Kanada: tunjukkan saldo tabungan CAD 20.635 dan surat penerimaan kampus.")).toEqual([]);
  });

  it("a dismissed P3MI is not a licence", () => {
    expect(flagCodes("Kerja ladang di Sabah RM 1.500. P3MI gak perlu, langsung sama bos. Hub Bang Jo 0813-9090-1212")).toContain(
      "unlicensed_recruiter",
    );
  });
});
