// `simpul intel`: linking run and the exchange of keyed identifier tokens with another installation.
import fs from "node:fs";
import type { Command } from "commander";
import { exportExchange, matchExchange, parseExchangeKey } from "../../server/modules/intel/intel.exchange";
import { IntelSync } from "../../server/modules/intel/intel.sync";
import { CliError, withContext } from "../context";

function readKey(file: string): Buffer {
  try {
    return parseExchangeKey(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new CliError(`Kunci pertukaran tidak terbaca (${file}): ${(err as Error).message}`);
  }
}

export function registerIntel(program: Command): void {
  const intel = program.command("intel").description("Intelijen perekrut / recruiter intelligence");

  intel
    .command("sync")
    .description("Tautkan pengenal dari laporan, wawancara dan kasus yang baru (biasanya dijalankan server tiap 5 menit)")
    .action(async () =>
      withContext(async (ctx) => {
        const n = await new IntelSync(ctx).run();
        console.log(`${n.toLocaleString("id-ID")} profil ditautkan.`);
      }),
    );

  const exchange = intel.command("exchange").description("Pertukaran token pengenal dengan instalasi Simpul lain (tanpa nama atau nomor)");

  exchange
    .command("export")
    .description("Tulis berkas token (HMAC dengan kunci pertukaran bersama) untuk dikirim ke kabupaten lain")
    .requiredOption("--key-file <file>", "kunci pertukaran bersama: 32 byte base64 (openssl rand -base64 32)")
    .requiredOption("--out <file>", "berkas keluaran (JSON)")
    .action(async (opts: { keyFile: string; out: string }) => {
      const key = readKey(opts.keyFile);
      await withContext(async (ctx) => {
        const file = await exportExchange(ctx, key);
        fs.writeFileSync(opts.out, `${JSON.stringify(file)}\n`, { mode: 0o600 });
        console.log(`${file.tokens.length.toLocaleString("id-ID")} token ditulis ke ${opts.out}.`);
      });
    });

  exchange
    .command("match <file>")
    .description("Cocokkan berkas token dari kabupaten lain dengan entitas di sini")
    .requiredOption("--key-file <file>", "kunci pertukaran bersama yang sama dengan pengirim")
    .option("--json", "keluaran JSON")
    .action(async (file: string, opts: { keyFile: string; json?: boolean }) => {
      const key = readKey(opts.keyFile);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (err) {
        throw new CliError(`Berkas ${file} bukan JSON: ${(err as Error).message}`);
      }
      await withContext(async (ctx) => {
        let result: Awaited<ReturnType<typeof matchExchange>>;
        try {
          result = await matchExchange(ctx, key, parsed);
        } catch (err) {
          throw new CliError(`Berkas ${file} bukan berkas pertukaran Simpul: ${(err as Error).message.slice(0, 300)}`);
        }
        if (opts.json) {
          console.log(JSON.stringify(result));
          return;
        }
        console.log(`${result.matches.length.toLocaleString("id-ID")} entitas di sini juga dikenal oleh kabupaten ${result.from}.`);
        for (const m of result.matches) console.log(`  ${m.entityId}  (${m.kinds.join(", ")})  /konsol/intelijen/${m.entityId}`);
      });
    });
}
