import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportP3mi } from "../../../cli/commands/import-p3mi";
import { anonymous, createTestEnv, type TestEnv } from "../../../../test/helpers/app";
import { auditLog } from "../../db/schema";
import { parseDate, parseDelimited, parseTable } from "./p3mi.file";
import { registryIndexFor } from "./p3mi.index";
import { normaliseCompanyName } from "./p3mi.normalise";
import { p3miCompanies } from "./p3mi.tables";

const CSV = "test/fixtures/p3mi/registry.csv";
const XLSX = "test/fixtures/p3mi/registry.xlsx";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function importFile(file: string, opts: { source?: string; verified?: string } = {}) {
  const lines: string[] = [];
  const report = await runImportP3mi(env.ctx, file, opts, (l) => lines.push(l));
  return { report, output: lines.join("\n") };
}

const company = async (licenceKey: string) =>
  (await env.ctx.db.select().from(p3miCompanies).where(eq(p3miCompanies.licenceKey, licenceKey)))[0];
const search = (q: string) => anonymous(env.app).request("GET", `/api/public/agencies?q=${encodeURIComponent(q)}`);

describe("import p3mi", () => {
  it("imports a CSV and says which rows were rejected and why", async () => {
    const { report, output } = await importFile(CSV);
    expect(report).toMatchObject({ total: 9, inserted: 4, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { row: 5, reason: "Nama perusahaan kosong." },
      { row: 6, reason: "Nomor SIP3MI kosong." },
      { row: 7, reason: expect.stringContaining('Tanggal berlaku mulai tidak dapat dibaca: "31-02-2025"') },
      { row: 8, reason: expect.stringContaining('Status izin tidak dikenal: "Entahlah"') },
      { row: 9, reason: expect.stringContaining("sudah ada di baris 2") },
    ]);
    expect(output).toContain("baru: 4, diperbarui: 0, tidak berubah: 0, ditolak: 5");
    expect(output).toContain("baris 6: Nomor SIP3MI kosong.");

    const makmur = await company("UJISIP3MI1012025");
    expect(makmur).toMatchObject({
      name: "PT. Uji Penempatan Makmur (fiktif)",
      nameNormalised: "uji penempatan makmur",
      validFrom: "2025-02-01",
      validUntil: "2030-01-31",
      status: "active",
      source: "Berkas uji (fiktif)",
      lastVerifiedOn: "2026-10-01",
    });
    expect(makmur?.branches).toEqual([{ address: "Jl. Cabang Satu, Pontang (fiktif)" }, { address: "Jl. Cabang Dua, Tirtayasa (fiktif)" }]);
    expect((await company("UJISIP3MI1022024"))?.validFrom).toBe("2024-06-01");
    expect((await company("UJISIP3MI1032022"))?.status).toBe("revoked");
    expect((await company("UJISIP3MI1072023"))?.status).toBe("suspended");
  });

  it("is idempotent: importing the same file again changes nothing", async () => {
    // Its own data: an empty registry, the file imported once, then again.
    await env.ctx.db.delete(p3miCompanies);
    expect((await importFile(CSV)).report).toMatchObject({ inserted: 4, updated: 0, unchanged: 0 });
    const before = await company("UJISIP3MI1012025");
    const { report } = await importFile(CSV);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(report.rejected).toHaveLength(5);
    const [{ n }] = await env.ctx.db.select({ n: count() }).from(p3miCompanies);
    expect(n).toBe(4);
    expect((await company("UJISIP3MI1012025"))?.updatedAt).toEqual(before?.updatedAt);
    // Every import is in the audit trail, rejected rows included.
    const audits = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "p3mi.import"));
    expect(audits.map((a) => a.details)).toContainEqual({ inserted: 0, updated: 0, unchanged: 4, rejected: 5 });
  });

  it("imports an XLSX with other column names, Excel dates and Indonesian month names", async () => {
    const { report } = await importFile(XLSX, { source: "Unduhan SISKOP2MI (uji)", verified: "2026-11-01" });
    expect(report).toMatchObject({ total: 5, inserted: 3, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { row: 5, reason: "Tanggal berlaku sampai (2024-06-01) lebih awal dari tanggal berlaku mulai (2025-06-01)." },
      { row: 7, reason: "Status izin kosong (isi aktif, dibekukan, atau dicabut)." },
    ]);
    expect(await company("UJISIP3MI2012025")).toMatchObject({
      validFrom: "2025-01-10",
      validUntil: "2030-01-09",
      status: "active",
      source: "Unduhan SISKOP2MI (uji)",
      lastVerifiedOn: "2026-11-01",
      branches: [{ address: "Jl. Cabang Laut, Serang (fiktif)" }, { address: "Jl. Cabang Darat, Pandeglang (fiktif)" }],
    });
    expect(await company("UJISIP3MI2022024")).toMatchObject({ validFrom: "2024-06-01", headOfficeAddress: "Jl. Uji Tebal No. 4 (fiktif)" });
    expect(await company("UJISIP3MI2032024")).toMatchObject({ validFrom: "2024-03-12", validUntil: "2029-03-11", status: "revoked" });
    expect((await importFile(XLSX, { source: "Unduhan SISKOP2MI (uji)", verified: "2026-11-01" })).report).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    // A newer verification date updates the rows, nothing else.
    expect((await importFile(XLSX, { source: "Unduhan SISKOP2MI (uji)", verified: "2026-11-15" })).report).toMatchObject({
      inserted: 0,
      updated: 3,
    });
  });

  it("refuses a file without the required columns, or of an unknown type", async () => {
    await expect(runImportP3mi(env.ctx, "package.json", {}, () => {})).rejects.toThrow(/tidak didukung/);
    await expect(runImportP3mi(env.ctx, "test/fixtures/p3mi/nope.csv", {}, () => {})).rejects.toThrow(/tidak ditemukan/);
    expect(() =>
      parseTable([
        ["nama", "alamat"],
        ["PT A", "Jl. B"],
      ]),
    ).toThrow(/Kolom wajib tidak ditemukan: no_sip3mi/);
  });

  it("reads semicolon CSV (Excel in Indonesian) and the usual date spellings", () => {
    expect(parseDelimited('\uFEFFnama;no_sip3mi\n"PT A; B";X/1\r\n')).toEqual([
      ["nama", "no_sip3mi"],
      ["PT A; B", "X/1"],
    ]);
    expect(parseDate("2025-1-5")).toBe("2025-01-05");
    expect(parseDate("05/01/2025")).toBe("2025-01-05");
    expect(parseDate("5 Agustus 2025")).toBe("2025-08-05");
    expect(parseDate("30/02/2025")).toBeUndefined();
    expect(parseDate("")).toBeNull();
    expect(normaliseCompanyName("PT. MAJU-JAYA & Sentosa, Tbk (d/h PT Lama)")).toBe("maju jaya dan sentosa");
  });
});

/** Both test registries as the import tests leave them; importing is idempotent, so this only fills what is missing. */
async function bothRegistries() {
  await importFile(CSV);
  await importFile(XLSX, { source: "Unduhan SISKOP2MI (uji)", verified: "2026-11-15" });
}

describe("the registry index used by the checker", () => {
  beforeAll(bothRegistries);

  it("matches names as messages write them, but never a different company", async () => {
    const lookup = (await registryIndexFor(env.ctx).lookup("2026-11-22"))!;
    expect(lookup("PT Uji Penempatan Makmur")).toMatchObject({ status: "active" });
    expect(lookup("PT. UJI PENEMPATAN MAKMUR Resmi")).toMatchObject({ status: "active" });
    expect(lookup("PT Uji Penempatan")).toBeUndefined();
    expect(lookup("PT Uji Penempatan Makmur Abadi")).toBeUndefined();
    expect(lookup("PT Uji Dicabut Jaya")).toMatchObject({ status: "revoked" });
    expect(lookup("PT Uji Dibekukan Abadi")).toMatchObject({ status: "suspended" });
    // Past its validity date, an active licence no longer counts.
    const later = (await registryIndexFor(env.ctx).lookup("2030-02-01"))!;
    expect(later("PT Uji Penempatan Makmur")).toMatchObject({ status: "expired" });
  });
});

describe("GET /api/public/agencies", () => {
  beforeAll(bothRegistries);

  it("finds a company by part of its name, ignoring legal form and case", async () => {
    const res = await search("penempatan makmur");
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toEqual({
      name: "PT. Uji Penempatan Makmur (fiktif)",
      licenceNumber: "UJI/SIP3MI/101/2025",
      status: "active",
      licenceValid: true,
      expired: false,
      validFrom: "2025-02-01",
      validUntil: "2030-01-31",
      headOfficeAddress: "Jl. Uji No. 1, Kota Serang (fiktif)",
      branches: ["Jl. Cabang Satu, Pontang (fiktif)", "Jl. Cabang Dua, Tirtayasa (fiktif)"],
      source: "Berkas uji (fiktif)",
      lastVerifiedOn: "2026-10-01",
    });
    expect((await search("PT uji sentosa")).json().items.map((i: { name: string }) => i.name)).toContain("PT Uji Tenaga Sentosa (fiktif)");
    // A typo still finds it (trigram similarity).
    expect((await search("Uji Penempatan Makmr")).json().items[0]?.name).toBe("PT. Uji Penempatan Makmur (fiktif)");
  });

  it("finds a company by licence number, however it is spaced", async () => {
    for (const q of ["UJI/SIP3MI/102/2024", "uji sip3mi 102 2024", "102/2024"]) {
      const items = (await search(q)).json().items;
      expect(items[0]?.name, q).toBe("PT Uji Tenaga Sentosa (fiktif)");
    }
  });

  it("shows revoked and suspended licences as not valid", async () => {
    const [revoked] = (await search("uji dicabut jaya")).json().items;
    expect(revoked).toMatchObject({ status: "revoked", licenceValid: false });
    const [suspended] = (await search("UJI/SIP3MI/107/2023")).json().items;
    expect(suspended).toMatchObject({ status: "suspended", licenceValid: false });
  });

  it("lists companies that may recruit before the others among equal matches", async () => {
    const items: { licenceValid: boolean }[] = (await search("uji")).json().items;
    expect(items.length).toBeGreaterThan(4);
    const firstInvalid = items.findIndex((i) => !i.licenceValid);
    expect(firstInvalid).toBeGreaterThan(0);
    expect(items.slice(firstInvalid).every((i) => !i.licenceValid)).toBe(true);
  });

  it("answers an empty list for an unknown company and 400 for a too-short query", async () => {
    expect((await search("zzzz qqqq")).json()).toEqual({ items: [] });
    const short = await search("a");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.q).toMatch(/minimal 2/);
    expect((await anonymous(env.app).request("GET", "/api/public/agencies")).statusCode).toBe(400);
  });
});
