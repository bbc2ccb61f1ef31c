// `npm start`: open the database, migrate, seed on first start, listen.
import { buildApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { createContext } from "./context";
import { DataDirLockedError, openDatabase } from "./db/client";
import { sealLegacyPlaintextAll } from "./legacy-plaintext";
import { seedOnFirstStart } from "./seed/first-start";
import { startJobs } from "./jobs/registry";

async function main(): Promise<void> {
  const started = Date.now();
  const args = new Set(process.argv.slice(2));
  const config = loadConfig(process.env, args.has("--no-demo") ? { demo: false } : {});
  const database = config.databaseUrl
    ? await openDatabase({
        kind: "postgresql",
        url: config.databaseUrl,
        timeouts: config.dbTimeouts,
        onPoolError: (err) => console.warn(`database connection lost: ${err.message}`),
      })
    : await openDatabase({ kind: "pglite", dataDir: config.dataDir });
  const ctx = await createContext(config, database);
  const sealed = await sealLegacyPlaintextAll(ctx);
  if (sealed) console.log(`Teks lama dienkripsi: ${sealed.toLocaleString("id-ID")} baris`);
  const report = await seedOnFirstStart(ctx);
  const app = await buildApp(ctx);
  // Queues are declared in every process; scheduled work and the mail outbox run here unless
  // SIMPUL_JOBS=0 (then `simpul worker` runs them). Never on a request. Stopped by app.close().
  await startJobs(ctx);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  if (report.regionsImported) console.log(`Wilayah dimuat: ${report.regionsImported.toLocaleString("id-ID")} (idn-area-data, ODbL 1.0)`);
  if (report.demoCredentials) {
    console.log("\nAkun demo (ditampilkan sekali saja; simpan sekarang):");
    for (const c of report.demoCredentials) console.log(`  ${c.username.padEnd(14)} ${c.password}   [${c.roles.join(", ")}]`);
    console.log("");
  }
  console.log(
    `Simpul berjalan di http://localhost:${port} (${database.kind}, siap dalam ${((Date.now() - started) / 1000).toFixed(1)} dtk)`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: menutup Simpul…`);
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(`Simpul tidak dapat dimulai: ${err.message}`);
  } else {
    console.error("Simpul tidak dapat dimulai:", err);
  }
  process.exit(1);
});
