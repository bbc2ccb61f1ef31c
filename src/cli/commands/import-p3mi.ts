/**
 * `simpul import p3mi FILE`: loads the official list of licensed placement companies (P3MI) from
 * CSV or XLSX. Idempotent (keyed by SIP3MI number); rejected rows are listed with the reason.
 */
import path from "node:path";
import type { Command } from "commander";
import type { AppContext } from "../../server/context";
import type { AuditActor } from "../../server/modules/audit/audit.service";
import { P3miFileError, type ParsedFile, parseDate, readP3miFile } from "../../server/modules/p3mi/p3mi.file";
import { jakartaToday } from "../../server/modules/p3mi/p3mi.index";
import { type ImportReport, importP3mi } from "../../server/modules/p3mi/p3mi.service";
import { CliError, progressBar, withContext } from "../context";
import { importCommand } from "./import";

export { importCommand } from "./import";

const CLI_ACTOR: AuditActor = { userId: null, username: "cli", ip: null };

export type ImportP3miOptions = { source?: string; verified?: string };

/** The command's work, separate from opening the database so tests can run it on theirs. */
export async function runImportP3mi(
  ctx: AppContext,
  file: string,
  opts: ImportP3miOptions,
  out: (line: string) => void = console.log,
): Promise<ImportReport> {
  let verifiedOn: string | undefined;
  if (opts.verified) {
    const parsed = parseDate(opts.verified);
    if (!parsed) throw new CliError(`Tanggal --verified tidak dapat dibaca: "${opts.verified}" (gunakan TTTT-BB-HH).`);
    verifiedOn = parsed;
  }
  let parsed: ParsedFile;
  try {
    parsed = await readP3miFile(file);
  } catch (err) {
    if (err instanceof P3miFileError) throw new CliError(err.message);
    throw err;
  }
  const source = opts.source ?? `Berkas ${path.basename(file)} (diimpor ${jakartaToday()})`;
  const report = await importP3mi(ctx, parsed, { source, verifiedOn, actor: CLI_ACTOR, onProgress: progressBar("Mengimpor P3MI") });
  const n = (x: number) => x.toLocaleString("id-ID");
  out(`Baris dibaca: ${n(report.total)}`);
  out(
    `  baru: ${n(report.inserted)}, diperbarui: ${n(report.updated)}, tidak berubah: ${n(report.unchanged)}, ditolak: ${n(report.rejected.length)}`,
  );
  if (report.rejected.length > 0) {
    out("Baris ditolak:");
    for (const r of report.rejected) out(`  baris ${r.row}: ${r.reason}`);
  }
  return report;
}

export function registerImportP3mi(program: Command): void {
  importCommand(program)
    .command("p3mi")
    .description("Impor daftar perusahaan penempatan PMI berizin (P3MI) dari CSV atau XLSX")
    .argument("<file>", "berkas .csv atau .xlsx; kolom wajib: nama_perusahaan, no_sip3mi")
    .option("--source <text>", "sumber data bila berkas tidak punya kolom sumber (bawaan: nama berkas dan tanggal impor)")
    .option("--verified <date>", "tanggal terakhir diverifikasi bila berkas tidak punya kolomnya (bawaan: hari ini)")
    .addHelpText(
      "after",
      `
Kolom (baris pertama berisi judul kolom; huruf besar/kecil dan spasi diabaikan):
  nama_perusahaan (wajib)   juga: nama, nama_p3mi, perusahaan
  no_sip3mi (wajib)         juga: nomor_sip3mi, sip3mi, nomor_izin; kunci impor ulang
  berlaku_mulai             juga: tanggal_izin          TTTT-BB-HH, HH/BB/TTTT, "12 Maret 2024", tanggal Excel
  berlaku_sampai            juga: masa_berlaku, tanggal_berakhir
  status                    aktif | dibekukan | dicabut (tanpa kolom ini: aktif)
  alamat_kantor_pusat       juga: alamat
  cabang                    beberapa alamat dipisah ";" atau baris baru
  sumber                    bawaan: --source
  terakhir_diverifikasi     bawaan: --verified
Impor ulang berkas yang sama tidak mengubah apa pun; baris yang ditolak dicetak dengan nomor baris dan alasannya.`,
    )
    .action(async (file: string, opts: ImportP3miOptions) => withContext(async (ctx) => void (await runImportP3mi(ctx, file, opts))));
}
