// One interface for background work, two implementations: pg-boss on PostgreSQL (several app servers and
// workers share the queue; a recurring job runs once per slot whoever picks it up) and an in-process
// runner on the embedded database, which is single-process by construction (data-dir lock).
// Job functions take "now" so tests call them directly with a fixed time.
import { sql, type SQL } from "drizzle-orm";
import type { Config } from "../config";
import type { Database, Db } from "../db/client";
import { rowsOf } from "../db/client";
import { InProcessRunner } from "./in-process-runner";
import { PgBossRunner } from "./pgboss-runner";

/**
 * Recurring work: one run per slot of `intervalMs` (1 s to 24 h). No cron lines: month-end work is a daily
 * job that checks whether the month's work is done (it also catches up after downtime).
 */
export type Job = {
  name: string;
  intervalMs: number;
  run(now: Date, info?: RunInfo): Promise<unknown>;
};

export type RunInfo = {
  /** 1 for the first try; retries count up. */
  attempt: number;
  /** True when a failure now is final (the job goes to the dead letter state). */
  lastAttempt: boolean;
  /** Recurring jobs: the start of the slot this run belongs to. */
  slot?: Date;
};

export type QueueOptions = {
  /** Retries after the first attempt (0 = one attempt only). */
  retryLimit?: number;
  /** Delay before the first retry; doubled for each further retry when `retryBackoff`. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
};

export type SendOptions = {
  /** With `singletonSeconds`: at most one job with this key per slot of that length. */
  singletonKey?: string;
  singletonSeconds?: number;
  startAfter?: Date;
  /** Enqueue inside this transaction (PostgreSQL): the job exists only if the transaction commits. */
  db?: Db;
};

export type Handler<T> = (payload: T, info: RunInfo) => Promise<unknown>;

export interface JobRunner {
  readonly kind: "pg-boss" | "in-process";
  /** Declares a queue for one-off work; every process that sends to it declares it (idempotent). */
  queue(name: string, options?: QueueOptions): Promise<void>;
  /** Enqueues one-off work; null when a singleton job of that slot exists (or this process runs no jobs on the embedded database). */
  send<T extends object>(queue: string, payload: T, options?: SendOptions): Promise<string | null>;
  /** Enqueues many one-off jobs in one statement (pg-boss) with the queue's retry policy; `db` as for send. */
  sendMany<T extends object>(queue: string, payloads: T[], options?: Pick<SendOptions, "db">): Promise<void>;
  /** Runs recurring work in this process (only when it runs jobs). */
  schedule(job: Job): Promise<void>;
  /** Handles a queue in this process (only when it runs jobs). */
  work<T extends object>(queue: string, handler: Handler<T>): Promise<void>;
  /** Stops polling and timers, waits for running handlers; the database stays open. */
  stop(): Promise<void>;
}

export type RunnerOptions = {
  /** False: this process only enqueues (SIMPUL_JOBS=0); no handler, no schedule, no maintenance runs here. */
  runsJobs: boolean;
  log?: (msg: string) => void;
  /** pg-boss: how often a worker looks for work (tests poll faster). */
  pollingIntervalSeconds?: number;
};

export function createJobRunner(database: Database, config: Pick<Config, "jobs">, opts: Partial<RunnerOptions> = {}): JobRunner {
  const options: RunnerOptions = { runsJobs: config.jobs, log: (m) => console.warn(m), ...opts };
  return database.kind === "postgresql" ? new PgBossRunner(database, options) : new InProcessRunner(database.db, options);
}

/** A positional-parameter statement (`$1`, `$2`…) as drizzle SQL, so it runs on a drizzle connection or transaction. */
export function positionalSql(text: string, values: unknown[] = []): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)));
    chunks.push(sql`${values[Number(m[1]) - 1] ?? null}`);
    last = m.index! + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks, sql.raw(""));
}

export async function executeOn(db: Db, text: string, values?: unknown[]): Promise<{ rows: any[] }> {
  return { rows: rowsOf(await db.execute(positionalSql(text, values))) };
}

/**
 * What a failed job records and logs: the error's class and codes, never its message (an SMTP or driver
 * message may quote an e-mail address or a value from a row).
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const e = err as Error & { code?: unknown; responseCode?: unknown };
  return [e.name, typeof e.code === "string" ? e.code : undefined, typeof e.responseCode === "number" ? String(e.responseCode) : undefined]
    .filter(Boolean)
    .join(" ");
}

/** The start of the slot `at` falls in, for slots of `ms` counted from the Unix epoch. */
export function slotOf(at: Date, ms: number): Date {
  return new Date(Math.floor(at.getTime() / ms) * ms);
}
