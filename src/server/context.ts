// Everything a request handler, a job or a CLI command needs, built once at start.
import type { Config } from "./config";
import type { Database, Db } from "./db/client";
import { createJobRunner, type JobRunner, type RunnerOptions } from "./jobs/jobs";
import { deriveKey, type KeyRing, loadKeyRing } from "./lib/crypto";
import { type AuditActor, type AuditEntry, AuditWriter, ensureAuditShards } from "./modules/audit/audit.service";

export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  keys: KeyRing;
  audit: AuditWriter;
  /** Background work: pg-boss on PostgreSQL, in-process on the embedded database (see jobs/jobs.ts). */
  jobs: JobRunner;
  /** Runs `fn` in a transaction and appends its audit record in that same transaction. */
  withAudit<T>(actor: AuditActor, entry: AuditEntry | ((result: T) => AuditEntry), fn: (tx: Db) => Promise<T>): Promise<T>;
};

export async function createContext(config: Config, database: Database, jobOptions: Partial<RunnerOptions> = {}): Promise<AppContext> {
  if (config.migrate) await database.migrate();
  await ensureAuditShards(database.db, config.auditShards);
  const keys = loadKeyRing({ secretKey: config.secretKey, dataDir: config.dataDir });
  const audit = new AuditWriter(config.regency, config.auditShards, deriveKey(keys, "audit-chain"));
  const db = database.db;
  return {
    config,
    database,
    db,
    keys,
    audit,
    jobs: createJobRunner(database, config, jobOptions),
    withAudit(actor, entry, fn) {
      return db.transaction(async (tx) => {
        const result = await fn(tx as unknown as Db);
        await audit.write(tx as unknown as Db, actor, typeof entry === "function" ? entry(result) : entry);
        return result;
      });
    },
  };
}
