// Reads the official P3MI list (CSV or XLSX) into validated rows. Every rejected row comes back
// with its spreadsheet row number and a reason in Indonesian, for the person running the import.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseCsv } from "../../lib/csv";
import { licenceKeyOf, normaliseCompanyName, tidy } from "./p3mi.normalise";
import type { P3miBranch, P3miStatus } from "./p3mi.tables";

export type P3miInput = {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  name: string;
  licenceNumber: string;
  validFrom: string | null;
  validUntil: string | null;
  status: P3miStatus;
  headOfficeAddress: string | null;
  branches: P3miBranch[];
  source: string | null;
  lastVerifiedOn: string | null;
};

export type RejectedRow = { row: number; reason: string };
export type ParsedFile = { rows: P3miInput[]; rejected: RejectedRow[] };

/** A problem with the whole file (not one row): unreadable, or without the required columns. */
export class P3miFileError extends Error {}

type Cell = string | number | Date | null;
type Field = "name" | "licence" | "validFrom" | "validUntil" | "status" | "address" | "branches" | "source" | "lastVerified";

// Header spellings seen in KP2MI/BP3MI exports and in hand-made lists, after headerKey().
const HEADERS: Record<Field, string[]> = {
  name: ["nama_perusahaan", "nama_p3mi", "nama_pt", "perusahaan", "nama", "company", "company_name", "name"],
  licence: [
    "no_sip3mi",
    "nomor_sip3mi",
    "sip3mi",
    "no_izin",
    "nomor_izin",
    "no_sk",
    "nomor_sk",
    "licence_number",
    "license_number",
    "licence",
    "license",
  ],
  validFrom: ["berlaku_mulai", "mulai_berlaku", "berlaku_dari", "tanggal_izin", "tgl_izin", "tanggal_terbit", "tanggal_sk", "valid_from"],
  validUntil: [
    "berlaku_sampai",
    "berlaku_hingga",
    "berlaku_s_d",
    "masa_berlaku",
    "tanggal_berakhir",
    "tgl_berakhir",
    "valid_until",
    "expiry",
  ],
  status: ["status", "status_izin", "keterangan_status"],
  address: ["alamat_kantor_pusat", "alamat_pusat", "kantor_pusat", "alamat", "head_office_address", "head_office", "address"],
  branches: ["kantor_cabang", "alamat_cabang", "cabang", "branches"],
  source: ["sumber", "sumber_data", "source"],
  lastVerified: ["terakhir_diverifikasi", "tanggal_verifikasi", "tgl_verifikasi", "diverifikasi", "last_verified", "last_verified_on"],
};

const STATUS_WORDS: Record<string, P3miStatus> = {
  aktif: "active",
  active: "active",
  berlaku: "active",
  dibekukan: "suspended",
  pembekuan: "suspended",
  ditangguhkan: "suspended",
  penangguhan: "suspended",
  diskors: "suspended",
  suspended: "suspended",
  dicabut: "revoked",
  pencabutan: "revoked",
  cabut: "revoked",
  revoked: "revoked",
};

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  pebruari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agus: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

export const MAX_ROWS = 20_000;

export async function readP3miFile(file: string): Promise<ParsedFile> {
  const ext = path.extname(file).toLowerCase();
  let table: Cell[][];
  try {
    if (ext === ".xlsx") table = await readXlsx(file);
    else if (ext === ".csv" || ext === ".txt") table = parseDelimited(await readFile(file, "utf8"));
    else throw new P3miFileError(`Format berkas tidak didukung (${ext || "tanpa ekstensi"}): gunakan .csv atau .xlsx.`);
  } catch (err) {
    if (err instanceof P3miFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new P3miFileError(`Berkas tidak ditemukan: ${file}`);
    throw new P3miFileError(`Berkas tidak dapat dibaca: ${(err as Error).message}`);
  }
  return parseTable(table);
}

async function readXlsx(file: string): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const out: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    out[rowNumber - 1] = cells;
  });
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ("error" in v) return null;
  }
  return String(v);
}

/**
 * CSV with comma or semicolon separators (Excel in Indonesian locale saves with semicolons); blank lines are
 * kept, so a row's index gives its line in the file.
 */
export function parseDelimited(input: string): Cell[][] {
  const text = input.replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parseCsv(text, { separator: sep, keepBlankLines: true });
}

function headerKey(h: Cell): string {
  return String(h ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return tidy(String(c));
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** A date cell as YYYY-MM-DD; undefined when present but unreadable. */
export function parseDate(c: Cell | undefined): string | null | undefined {
  if (c === null || c === undefined || (typeof c === "string" && c.trim() === "")) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? undefined : c.toISOString().slice(0, 10);
  // Excel stores dates as days since 1899-12-30 when a cell is not formatted as a date.
  if (typeof c === "number")
    return c > 0 && c < 200_000 ? new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000).toISOString().slice(0, 10) : undefined;
  const s = c.trim().toLowerCase();
  let m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  m = s.match(/^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/);
  if (m && MONTHS[m[2]!]) return isoDate(Number(m[3]), MONTHS[m[2]!]!, Number(m[1])) ?? undefined;
  return undefined;
}

export function parseTable(table: Cell[][]): ParsedFile {
  const headerIndex = table.findIndex((r) => r.some((c) => text(c) !== ""));
  if (headerIndex < 0) throw new P3miFileError("Berkas kosong: tidak ada baris judul kolom.");
  const header = table[headerIndex]!.map(headerKey);
  const col: Partial<Record<Field, number>> = {};
  for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) {
        col[field] = i;
        break;
      }
    }
  }
  const missing = [col.name === undefined ? "nama_perusahaan" : null, col.licence === undefined ? "no_sip3mi" : null].filter(Boolean);
  if (missing.length > 0) {
    throw new P3miFileError(
      `Kolom wajib tidak ditemukan: ${missing.join(", ")}. Judul kolom yang terbaca: ${header.filter(Boolean).join(", ") || "(kosong)"}.`,
    );
  }
  const dataRows = table.length - headerIndex - 1;
  if (dataRows > MAX_ROWS) throw new P3miFileError(`Terlalu banyak baris (${dataRows}); maksimal ${MAX_ROWS} per berkas.`);

  const rows: P3miInput[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfLicence = new Map<string, number>();
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (!cells.some((c) => text(c) !== "")) continue;
    const rowNumber = i + 1;
    const get = (f: Field) => (col[f] === undefined ? undefined : cells[col[f]!]);
    const outcome = parseRow(rowNumber, get, col.status !== undefined);
    if (typeof outcome === "string") {
      rejected.push({ row: rowNumber, reason: outcome });
      continue;
    }
    const key = licenceKeyOf(outcome.licenceNumber);
    const first = firstRowOfLicence.get(key);
    if (first !== undefined) {
      rejected.push({ row: rowNumber, reason: `Nomor SIP3MI ${outcome.licenceNumber} sudah ada di baris ${first}; baris ini dilewati.` });
      continue;
    }
    firstRowOfLicence.set(key, rowNumber);
    rows.push(outcome);
  }
  return { rows, rejected };
}

function parseRow(row: number, get: (f: Field) => Cell | undefined, hasStatusColumn: boolean): P3miInput | string {
  const name = text(get("name"));
  const licenceNumber = text(get("licence"));
  if (!name) return "Nama perusahaan kosong.";
  if (name.length > 300) return "Nama perusahaan terlalu panjang (maksimal 300 karakter).";
  if (!normaliseCompanyName(name)) return `Nama perusahaan tidak sah: "${name}".`;
  if (!licenceNumber) return "Nomor SIP3MI kosong.";
  if (licenceKeyOf(licenceNumber).length < 3 || licenceNumber.length > 120) return `Nomor SIP3MI tidak sah: "${licenceNumber}".`;

  const dates: Partial<Record<"validFrom" | "validUntil" | "lastVerified", string | null>> = {};
  const label = { validFrom: "berlaku mulai", validUntil: "berlaku sampai", lastVerified: "terakhir diverifikasi" } as const;
  for (const f of ["validFrom", "validUntil", "lastVerified"] as const) {
    const parsed = parseDate(get(f));
    if (parsed === undefined) return `Tanggal ${label[f]} tidak dapat dibaca: "${text(get(f))}" (gunakan TTTT-BB-HH atau HH/BB/TTTT).`;
    dates[f] = parsed;
  }
  if (dates.validFrom && dates.validUntil && dates.validUntil < dates.validFrom) {
    return `Tanggal berlaku sampai (${dates.validUntil}) lebih awal dari tanggal berlaku mulai (${dates.validFrom}).`;
  }

  let status: P3miStatus = "active";
  if (hasStatusColumn) {
    const raw = text(get("status")).toLowerCase();
    if (!raw) return "Status izin kosong (isi aktif, dibekukan, atau dicabut).";
    const found = STATUS_WORDS[raw] ?? STATUS_WORDS[raw.split(/[^a-z]+/).find((w) => STATUS_WORDS[w]) ?? ""];
    if (!found || /\btidak\b|\bbelum\b/.test(raw))
      return `Status izin tidak dikenal: "${text(get("status"))}" (gunakan aktif, dibekukan, atau dicabut).`;
    status = found;
  }

  const branches = text(get("branches"))
    ? String(get("branches"))
        .split(/\s*(?:;|\||\r?\n)\s*/)
        .map(tidy)
        .filter(Boolean)
        .map((address) => ({ address }))
    : [];
  return {
    row,
    name,
    licenceNumber,
    validFrom: dates.validFrom ?? null,
    validUntil: dates.validUntil ?? null,
    status,
    headOfficeAddress: text(get("address")) || null,
    branches,
    source: text(get("source")) || null,
    lastVerifiedOn: dates.lastVerified ?? null,
  };
}
