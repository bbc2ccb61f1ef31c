import type { Command } from "commander";
import { verifyAuditChain } from "../../server/modules/audit/audit.service";
import { withContext } from "../context";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("Jejak audit / audit trail");
  audit
    .command("verify")
    .description("Periksa rantai hash jejak audit; sebutkan catatan rusak pertama")
    .action(async () =>
      withContext(async (ctx) => {
        const r = await verifyAuditChain(ctx.db);
        if (r.ok) {
          console.log(`Rantai audit utuh: ${r.records.toLocaleString("id-ID")} catatan dalam ${r.shards} rantai.`);
          return;
        }
        const b = r.firstBroken;
        console.error(`Rantai audit RUSAK. Catatan rusak pertama: id ${b.id === Number.MAX_SAFE_INTEGER ? "(akhir rantai)" : b.id} (rantai ${b.shard}, urutan ${b.seq}): ${b.reason}`);
        process.exitCode = 2;
      }),
    );
}
