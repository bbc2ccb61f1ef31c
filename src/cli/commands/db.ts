import type { Command } from "commander";
import { seedOnFirstStart } from "../../server/seed/first-start";
import { withContext } from "../context";

export function registerDb(program: Command): void {
  const db = program.command("db").description("Basis data / database");
  db.command("migrate")
    .description("Terapkan migrasi")
    .action(async () => withContext(async () => console.log("Migrasi selesai.")));
  db.command("seed")
    .description("Muat wilayah dan (kecuali SIMPUL_DEMO=0) data demo bila belum ada")
    .action(async () =>
      withContext(async (ctx) => {
        const r = await seedOnFirstStart(ctx);
        console.log(`Wilayah dimuat: ${r.regionsImported.toLocaleString("id-ID")}`);
        for (const c of r.demoCredentials ?? []) console.log(`  ${c.username.padEnd(14)} ${c.password}   [${c.roles.join(", ")}]`);
      }),
    );
}
