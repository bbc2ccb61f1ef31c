import type { Command } from "commander";
import { loadConfig } from "../../server/config";
import { acquireDataDirLock } from "../../server/db/client";
import { backup, RestoreError, restore } from "../../server/ops/backup";
import { CliError, withContext } from "../context";

export function registerBackup(program: Command): void {
  program
    .command("backup <file>")
    .description("Cadangkan basis data dan berkas direktori data ke satu .tar.gz (kunci rahasia tidak ikut kecuali --with-keys)")
    .option("--with-keys", "ikutkan berkas kunci rahasia (simpan cadangan ini di tempat yang sangat aman)")
    .action(async (file: string, opts: { withKeys?: boolean }) =>
      withContext(async (ctx) => {
        const m = await backup(ctx.database, ctx.config, file, { withKeys: opts.withKeys });
        console.log(
          `Cadangan ditulis: ${file} (${m.database}, ${m.files} entri direktori data${m.withKeys ? ", dengan kunci" : ", tanpa kunci"}).`,
        );
        if (!m.withKeys) console.log("Kunci rahasia (secret.*) tidak ikut: cadangkan terpisah, tanpanya data terenkripsi tidak terbaca.");
      }),
    );
  program
    .command("restore <file>")
    .description("Pulihkan cadangan ke basis data dan direktori data yang dikonfigurasi (hentikan server dulu)")
    .option("--force", "ganti basis data tertanam yang sudah ada")
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
      try {
        const m = await restore(config, file, { force: opts.force });
        console.log(
          `Dipulihkan dari ${file} (dibuat ${m.createdAt}, ${m.database}). Jalankan \`simpul audit verify\` untuk memeriksa jejak audit.`,
        );
      } catch (err) {
        if (err instanceof RestoreError) throw new CliError(`Pemulihan gagal: ${err.message}`);
        throw err;
      } finally {
        release();
      }
    });
}
