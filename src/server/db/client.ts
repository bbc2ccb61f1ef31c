// Opens the database: embedded PGlite in the data directory, or PostgreSQL through DATABASE_URL.
// Both give the same drizzle API; the rest of the code never knows which one it talks to.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { DEFAULT_DB_TIMEOUTS, type DbTimeouts } from "../config";
import * as schema from "./schema";

export type Db = PgDatabase<any, typeof schema>;
export type DatabaseKind = "pglite" | "postgresql";

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** PostgreSQL only: the connection URL. */
  url?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests clone a template from it). */
  dump?(): Promise<Blob>;
  /** PGlite only: COPY tab-separated text into a table, far faster than INSERTs for bulk loads. */
  copyIn?(table: string, columns: string[], tsv: string): Promise<void>;
};

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../drizzle");

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Proses Simpul lain (pid ${pid}) sedang memakai direktori data ${dataDir}. ` +
        "Basis data tertanam hanya boleh dipakai satu proses: hentikan proses itu atau pakai SIMPUL_DATA_DIR lain. " +
        `(Another Simpul process, pid ${pid}, is using this data directory; the embedded database allows one process at a time.)`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own: two processes on one directory silently lose writes.
 * We hold a pid lock file created with O_EXCL; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "simpul.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx", mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}

export type OpenOptions =
  | { kind: "pglite"; dataDir?: string; memory?: boolean; loadDataDir?: Blob }
  | { kind: "postgresql"; url: string; poolSize?: number; onPoolError?: (err: Error) => void; timeouts?: DbTimeouts };

/** Message of the error a query gets when its answer does not come within the client-side read timeout. */
export const QUERY_READ_TIMEOUT = "Query read timeout";

/**
 * A pg client that drops its connection when an answer does not arrive in time. node-postgres' own
 * query_timeout only stops waiting: the connection keeps the unanswered query, and every later query on
 * it (a transaction's ROLLBACK, the next request that borrows it from the pool) would wait behind it.
 */
class GuardedClient extends pg.Client {
  override query(...args: any[]): any {
    const drop = (err: unknown) => {
      if ((err as Error | undefined)?.message === QUERY_READ_TIMEOUT) (this as any).connection?.stream?.destroy();
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        if (err) drop(err);
        last(err, res);
      };
      return (super.query as any)(...args);
    }
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") result.then(undefined, drop);
    return result;
  }
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === "pglite") {
    let release = () => {};
    let client: PGlite;
    if (opts.memory || !opts.dataDir) {
      client = new PGlite({ extensions: { pg_trgm }, loadDataDir: opts.loadDataDir });
    } else {
      release = acquireDataDirLock(opts.dataDir);
      try {
        client = new PGlite(path.join(opts.dataDir, "pg"), { extensions: { pg_trgm } });
        await client.waitReady;
      } catch (err) {
        release();
        throw err;
      }
    }
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as any, { migrationsFolder: MIGRATIONS_DIR }),
      dump: async () => client.dumpDataDir("none"),
      async copyIn(table, columns, tsv) {
        await client.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`, [], { blob: new Blob([tsv]) });
      },
      async close() {
        await client.close();
        release();
      },
    };
  }
  const timeouts = opts.timeouts ?? DEFAULT_DB_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    Client: GuardedClient,
    connectionTimeoutMillis: timeouts.connectMs,
    idleTimeoutMillis: 30_000,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // No JIT: our aggregates over 100,000 rows (dashboard counts) cross jit_above_cost, and compiling them
    // took longer (≈1.4 s) than running them; short OLTP queries never gain from it.
    // No parallel workers inside one query: requests already run side by side (the dashboard's sections are
    // concurrent queries on this pool), and workers competing with them for the same cores made the agency
    // inbox count 2–3× slower (bench/dashboard.ts, docs/SCALING.md).
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
    // 0 = no statement limit (command-line imports and key rotation may run long statements).
    ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1_000 } : {}),
  });
  // Without this handler an idle client losing its connection (database restart) crashes the process.
  pool.on("error", (err) => opts.onPoolError?.(err));
  pool.on("connect", (client) => {
    // A client checked out of the pool has no error listener of its own: its connection dropping would
    // otherwise throw from the event emitter and end the process. Its queries get the error anyway.
    client.on("error", () => {});
    // drizzle does not release a client whose BEGIN failed: forget a dead client so it never holds a pool slot.
    client.on("end", () => {
      const internals = pool as unknown as { _clients: unknown[]; _pulseQueue(): void };
      if (!internals._clients.includes(client)) return;
      internals._clients = internals._clients.filter((c) => c !== client);
      internals._pulseQueue();
    });
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgresql",
    url: opts.url,
    async migrate() {
      // Several app servers may start at once: one migrates, the others wait on the advisory lock.
      // Its own connection without the request timeouts: a migration may rightly take minutes.
      const client = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: timeouts.connectMs });
      client.on("error", () => {});
      await client.connect();
      try {
        await client.query("SELECT pg_advisory_lock(727001)");
        await migratePg(drizzlePg(client, { schema }) as any, { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query("SELECT pg_advisory_unlock(727001)").catch(() => {});
        await client.end().catch(() => {});
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw `db.execute(sql)` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** The code of a failed `simpul_assert` (SQLSTATE SP001) anywhere in an error's cause chain, else undefined. */
export function sqlAssertion(err: unknown): string | undefined {
  let e: any = err;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause) {
    if (e.code === "SP001" && typeof e.message === "string") return e.message;
  }
  return undefined;
}

const statementNames = new Map<string, string>();

/**
 * Runs one statement as a named prepared statement on PostgreSQL: each connection parses and plans it
 * once, later runs send only the parameters. For hot statements with a fixed shape (report intake);
 * the name follows the text, so each distinct text is a distinct statement. PGlite runs it as usual.
 */
export async function executePrepared<T>(db: Db, query: SQL): Promise<T[]> {
  // drizzle keeps the dialect and session off its public types; execute() uses the same two calls.
  const d = db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } }; session: any };
  const built = d.dialect.sqlToQuery(query);
  let name = statementNames.get(built.sql);
  if (!name) {
    if (statementNames.size >= 64) throw new Error("executePrepared: too many distinct statements; use db.execute for dynamic SQL");
    name = `simpul_stmt_${statementNames.size + 1}`;
    statementNames.set(built.sql, name);
  }
  return rowsOf<T>(await d.session.prepareQuery(built, undefined, name, false).execute());
}
