import type { Command } from "commander";
import { loadConfig } from "../../server/config";
import { createContext } from "../../server/context";
import { openDatabase } from "../../server/db/client";
import { startJobs } from "../../server/jobs/registry";
import { CliError } from "../context";

/**
 * `simpul worker`: runs the background work (scheduled jobs, e-mail outbox) and no HTTP server, for
 * installations whose web servers run with SIMPUL_JOBS=0. PostgreSQL only: the embedded database allows one
 * process, which is the server itself.
 */
export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("Jalankan pekerjaan latar (jadwal, surel) tanpa server web; hanya dengan DATABASE_URL")
    .action(async () => {
      const config = loadConfig(process.env, { jobs: true });
      if (!config.databaseUrl)
        throw new CliError("simpul worker memerlukan DATABASE_URL (PostgreSQL); basis data tertanam menjalankan pekerjaan di server.");
      const database = await openDatabase({
        kind: "postgresql",
        url: config.databaseUrl,
        poolSize: 4,
        onPoolError: (err) => console.warn(`database connection lost: ${err.message}`),
      });
      const ctx = await createContext(config, database);
      await startJobs(ctx);
      console.log("Pekerja Simpul berjalan (Ctrl+C untuk berhenti).");
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      console.log("Menghentikan pekerja…");
      await ctx.jobs.stop();
      await database.close();
    });
}
