import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../../server/config";
import { loadKeyRing, MAC_KEY_FILE, RETIRED_KEYS_FILE } from "../../server/lib/crypto";
import { ciphertextsByKey, reencryptAll, rotateKeyFiles } from "../../server/lib/key-rotation";
import { CliError, withContext } from "../context";

export function registerKeys(program: Command): void {
  const keys = program.command("keys").description("Kunci enkripsi data identitas / encryption keys");

  keys
    .command("status")
    .description("Jumlah data terenkripsi per kunci (id kunci aktif ditandai *)")
    .action(async () =>
      withContext(async (ctx) => {
        const rows = await ciphertextsByKey(ctx.db);
        const byKey = new Map<string, number>();
        for (const r of rows) byKey.set(r.keyId, (byKey.get(r.keyId) ?? 0) + r.count);
        console.log(`Kunci aktif: ${ctx.keys.id}; kunci pensiun: ${[...(ctx.keys.retired?.keys() ?? [])].join(", ") || "-"}`);
        for (const [k, n] of byKey) console.log(`${k === ctx.keys.id ? "*" : " "} ${k}: ${n.toLocaleString("id-ID")} nilai`);
      }),
    );

  keys
    .command("rotate")
    .description("Buat kunci baru, pensiunkan kunci lama, lalu enkripsi ulang semua field identitas. Hentikan server dulu.")
    .action(async () => {
      const config = loadConfig();
      if (config.secretKey) {
        throw new CliError(
          "SIMPUL_SECRET_KEY dipakai, jadi Simpul tidak dapat mengganti kuncinya sendiri. Langkah:\n" +
            `  1. Simpan kunci LAMA sebagai satu baris di ${path.join(config.dataDir, RETIRED_KEYS_FILE)} (mode 0600),\n` +
            `     dan, hanya pada rotasi pertama, juga di ${path.join(config.dataDir, MAC_KEY_FILE)} (kunci hash pencarian tidak berganti).\n` +
            "  2. Isi SIMPUL_SECRET_KEY dengan kunci baru (openssl rand -base64 32).\n" +
            "  3. Jalankan `simpul keys reencrypt`.",
        );
      }
      await withContext(async (ctx) => {
        const old = ctx.keys.id;
        const next = rotateKeyFiles(config.dataDir, ctx.keys);
        console.log(`Kunci baru ${next} dipasang; kunci ${old} dipensiunkan (hanya untuk membuka data lama).`);
        const ring = loadKeyRing({ dataDir: config.dataDir });
        const counts = await reencryptAll(ctx.db, ring);
        report(counts);
      });
    });

  keys
    .command("reencrypt")
    .description("Enkripsi ulang semua data yang belum memakai kunci aktif (melanjutkan rotasi yang terputus)")
    .action(async () =>
      withContext(async (ctx) => {
        if (ctx.keys.retired?.size && !ctx.keys.macKey) {
          throw new CliError(
            `Ada kunci pensiun tetapi ${MAC_KEY_FILE} tidak ada: pencarian NIK/telepon dan PIN laporan akan rusak. Simpan kunci pertama di file itu dulu.`,
          );
        }
        report(await reencryptAll(ctx.db, ctx.keys));
      }),
    );
}

function report(counts: Record<string, number>): void {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [col, n] of Object.entries(counts)) console.log(`  ${col}: ${n.toLocaleString("id-ID")}`);
  console.log(`Selesai: ${total.toLocaleString("id-ID")} nilai dienkripsi ulang. Jalankan ulang server agar memakai kunci baru.`);
}
