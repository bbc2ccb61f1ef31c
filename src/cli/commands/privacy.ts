// `simpul privacy erase`: a data-subject erasure request (UU 27/2022 Pasal 43/44) from the terminal, the
// same use case as POST /api/privacy/erasure: decided by a named regency-wide coordinator, previewed with
// --dry-run, audited under that coordinator's name. Identifiers are never printed.
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { principalOf } from "../../server/auth/auth.service";
import { users } from "../../server/db/schema";
import { AppError } from "../../server/lib/errors";
import { privacyPolicy } from "../../server/modules/retention/retention.policy";
import type { ErasureResult } from "../../server/modules/retention/retention.schema";
import { executeErasure, previewErasure } from "../../server/modules/retention/retention.service";
import { CliError, withContext } from "../context";

type Opts = { phone?: string; nik?: string; email?: string; as: string; reason?: string; dryRun?: boolean; json?: boolean };

const LABELS: Record<keyof ErasureResult["counts"], string> = {
  reportContacts: "kontak pelapor di laporan",
  reportPeople: "orang yang disebut di laporan",
  casePersons: "orang dalam kasus",
  screenings: "pemohon wawancara paspor",
  intelIdentifiers: "pengenal intelijen",
  volunteers: "data relawan",
  refused: "ditolak (penahanan hukum)",
};

export function registerPrivacy(program: Command): void {
  const privacy = program.command("privacy").description("Pelindungan data pribadi (UU 27/2022) / personal data protection");
  privacy
    .command("erase")
    .description("Hapus data seseorang atas permintaannya (cari lewat nomor HP, NIK atau e-mail); --dry-run hanya menghitung")
    .option("--phone <phone>", "nomor HP orang itu")
    .option("--nik <nik>", "NIK (16 angka)")
    .option("--email <email>", "alamat e-mail")
    .requiredOption("--as <username>", "koordinator tingkat kabupaten yang memutuskan (namanya tercatat di jejak audit)")
    .option("--reason <text>", "alasan dan rujukan permohonan (wajib tanpa --dry-run)")
    .option("--dry-run", "pratinjau: hitung catatan yang akan dihapus, tanpa mengubah apa pun")
    .option("--json", "keluaran JSON")
    .action(async (o: Opts) =>
      withContext(async (ctx) => {
        const [u] = await ctx.db.select().from(users).where(sql`lower(${users.username}) = lower(${o.as})`);
        if (!u || u.disabledAt) throw new CliError(`Pengguna "${o.as}" tidak ditemukan atau nonaktif.`);
        const p = principalOf(u);
        if (!privacyPolicy.can(p, "erase", undefined)) throw new CliError(`${o.as} bukan koordinator tingkat kabupaten.`);
        if (!o.dryRun && !o.reason?.trim()) throw new CliError("--reason wajib (atau pakai --dry-run).");
        const actor = { userId: u.id, username: u.username, ip: null };
        const query = { phone: o.phone, nik: o.nik, email: o.email };
        let r: ErasureResult;
        try {
          r = o.dryRun
            ? await previewErasure(ctx, p, actor, query)
            : await executeErasure(ctx, p, actor, { ...query, reason: o.reason!.trim() });
        } catch (err) {
          if (err instanceof AppError && err.fields) throw new CliError(`Isian tidak sah: ${Object.keys(err.fields).join(", ")}`);
          throw err;
        }
        if (o.json) {
          console.log(JSON.stringify(r));
          return;
        }
        console.log(o.dryRun ? "Pratinjau (tidak ada yang diubah):" : `Dihapus (permohonan ${r.requestId}):`);
        for (const [k, label] of Object.entries(LABELS))
          console.log(`  ${label}: ${r.counts[k as keyof typeof LABELS].toLocaleString("id-ID")}`);
        for (const x of r.refused) console.log(`  ditolak: ${x.kind} ${x.reference} (penahanan hukum)`);
      }),
    );
}
