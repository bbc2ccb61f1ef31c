import type { Command } from "commander";
import { sealLegacyPlaintextAll } from "../../server/legacy-plaintext";
import { seedOnFirstStart } from "../../server/seed/first-start";
import { DEFAULT_ROLES, rolesSql } from "../../server/db/roles";
import { CliError, withContext } from "../context";

export function registerDb(program: Command): void {
  const db = program.command("db").description("Basis data / database");
  db.command("migrate")
    .description("Terapkan migrasi")
    .action(async () =>
      withContext(async (ctx) => {
        // Text stored in the clear before its column was encrypted is sealed now (the key ring is needed, so not in SQL).
        const sealed = await sealLegacyPlaintextAll(ctx);
        console.log(`Migrasi selesai.${sealed ? ` Teks lama dienkripsi: ${sealed.toLocaleString("id-ID")} baris.` : ""}`);
      }),
    );
  db.command("roles")
    .description("Peran basis data hak minimum (migrator dan aplikasi): cetak SQL-nya, atau jalankan dengan --apply")
    .option("--apply", "jalankan (perlu hak superuser di DATABASE_URL); tanpa ini hanya mencetak")
    .option("--app <name>", "nama peran aplikasi", DEFAULT_ROLES.app)
    .option("--migrator <name>", "nama peran migrator", DEFAULT_ROLES.migrator)
    .action(async (opts: { apply?: boolean; app: string; migrator: string }) =>
      withContext(async (ctx) => {
        if (ctx.database.kind !== "postgresql" || !ctx.database.url) {
          throw new CliError("Peran basis data hanya untuk PostgreSQL (DATABASE_URL); basis data tertanam dipakai satu proses saja.");
        }
        const dbName = decodeURIComponent(new URL(ctx.database.url).pathname.slice(1));
        const statements = rolesSql(
          dbName,
          { app: opts.app, migrator: opts.migrator },
          {
            app: process.env.SIMPUL_APP_DB_PASSWORD,
            migrator: process.env.SIMPUL_MIGRATOR_DB_PASSWORD,
          },
        );
        if (!opts.apply) {
          for (const s of statements) console.log(`${s};`);
          return;
        }
        const { sql } = await import("drizzle-orm");
        for (const s of statements) await ctx.db.execute(sql.raw(s));
        console.log(`Peran ${opts.migrator} (pemilik skema) dan ${opts.app} (aplikasi; jejak audit hanya tambah) siap.`);
        console.log("Jalankan server sebagai peran aplikasi dengan SIMPUL_MIGRATE=0; migrasi dengan `simpul db migrate` sebagai migrator.");
      }),
    );
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
