import type { Command } from "commander";
import { CheckpointError, verifyWithCheckpoint, writeCheckpoint } from "../../server/modules/audit/audit.checkpoint";
import { END_OF_CHAIN } from "../../server/modules/audit/audit.service";
import { CliError, withContext } from "../context";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("Jejak audit / audit trail");
  audit
    .command("verify")
    .description("Periksa rantai hash jejak audit (berkunci) terhadap checkpoint terbaru; sebutkan setiap catatan rusak")
    .option("--checkpoint <file>", "checkpoint yang dipakai (bawaan: yang terbaru di direktori data)")
    .action(async (opts: { checkpoint?: string }) =>
      withContext(async (ctx) => {
        let r: Awaited<ReturnType<typeof verifyWithCheckpoint>>;
        try {
          r = await verifyWithCheckpoint(ctx, opts.checkpoint);
        } catch (err) {
          if (err instanceof CheckpointError) throw new CliError(`Checkpoint tidak sah: ${err.message}`);
          throw err;
        }
        const against = r.checkpoint ? ` (dibandingkan dengan checkpoint ${r.checkpoint})` : " (belum ada checkpoint)";
        if (r.ok) {
          console.log(`Rantai audit utuh: ${r.records.toLocaleString("id-ID")} catatan dalam ${r.shards} rantai${against}.`);
          return;
        }
        console.error(`Rantai audit RUSAK${against}: ${r.breaks.length.toLocaleString("id-ID")} kerusakan.`);
        for (const b of r.breaks) {
          console.error(`  id ${b.id === END_OF_CHAIN ? "(akhir rantai)" : b.id} (rantai ${b.shard}, urutan ${b.seq}): ${b.reason}`);
        }
        process.exitCode = 2;
      }),
    );
  audit
    .command("checkpoint [file]")
    .description("Tulis checkpoint bertanda tangan dari kepala setiap rantai (bawaan: ke direktori data)")
    .action(async (file?: string) =>
      withContext(async (ctx) => {
        console.log(`Checkpoint ditulis: ${await writeCheckpoint(ctx, file)}`);
      }),
    );
}
