// Opens the same database the server uses, for one CLI command, and closes it afterwards.
import { loadConfig } from "../server/config";
import { type AppContext, createContext } from "../server/context";
import { type Database, DataDirLockedError, openDatabase } from "../server/db/client";

export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let database: Database;
  try {
    database = config.databaseUrl
      ? await openDatabase({ kind: "postgresql", url: config.databaseUrl, poolSize: 4, timeouts: { ...config.dbTimeouts, statementMs: 0 } })
      : await openDatabase({ kind: "pglite", dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new CliError(`${err.message}\nPerintah ini memakai basis data tertanam yang sama: hentikan server dulu (Ctrl+C), lalu ulangi.`);
    }
    throw err;
  }
  let ctx: AppContext | undefined;
  try {
    // A CLI command may enqueue work (e-mail), never runs it.
    ctx = await createContext(config, database, { runsJobs: false });
    return await fn(ctx);
  } finally {
    await ctx?.jobs.stop();
    await database.close();
  }
}

/** An error whose message is for the person at the terminal; printed without a stack trace. */
export class CliError extends Error {}

/** A one-line progress bar on stderr (only when stderr is a terminal). */
export function progressBar(label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    if (!process.stderr.isTTY) return;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% (${done.toLocaleString("id-ID")}/${total.toLocaleString("id-ID")})`,
    );
    if (done >= total) process.stderr.write("\n");
  };
}
