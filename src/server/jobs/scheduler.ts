// A small in-process interval runner for scheduled work (deadline escalation, e-mail, cleanup).
// On PostgreSQL each run holds a session advisory lock, so with several app servers only one runs a
// given job at a time; the embedded database is single-process by construction (data-dir lock).
// Jobs take "now" as an argument so tests call them directly with a fixed time.
import { createHash } from "node:crypto";
import type { AppContext } from "../context";
import { safeErrorMessage } from "../lib/logger";

export type Job = {
  name: string;
  intervalMs: number;
  run(now: Date): Promise<unknown>;
};

export type Scheduler = { stop(): Promise<void>; runNow(name: string): Promise<boolean> };

/** A stable 64-bit advisory-lock key per job name (as a signed bigint string). */
export function lockKeyOf(name: string): string {
  return createHash("sha256").update(`simpul-job:${name}`).digest().readBigInt64BE(0).toString();
}

type PgPoolLike = { connect(): Promise<{ query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>; release(): void }> };

/** Runs `fn` only if this process gets the job's lock; false when another server holds it. */
export async function withJobLock(ctx: AppContext, name: string, fn: () => Promise<unknown>): Promise<boolean> {
  if (ctx.database.kind !== "postgresql") {
    await fn();
    return true;
  }
  const pool = (ctx.db as unknown as { $client: PgPoolLike }).$client;
  const client = await pool.connect();
  const key = lockKeyOf(name);
  try {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
    if (!rows[0]?.ok) return false;
    try {
      await fn();
      return true;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
    }
  } finally {
    client.release();
  }
}

export function startScheduler(ctx: AppContext, jobs: Job[], log: (msg: string) => void = (m) => console.warn(m)): Scheduler {
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<boolean>>();
  const runOne = (job: Job): Promise<boolean> => {
    const current = running.get(job.name);
    if (current) return current; // never overlap a job with itself
    const p = withJobLock(ctx, job.name, () => job.run(new Date()))
      .catch((err) => {
        log(`job ${job.name} failed: ${safeErrorMessage(err)}`);
        return false;
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  };
  for (const job of jobs) {
    // A random first delay spreads several servers' runs apart.
    const first = setTimeout(() => {
      if (stopped) return;
      void runOne(job);
      const t = setInterval(() => {
        if (!stopped) void runOne(job);
      }, job.intervalMs);
      t.unref();
      timers.push(t);
    }, Math.min(job.intervalMs, 5_000 + Math.floor(Math.random() * 5_000)));
    first.unref();
    timers.push(first);
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running.values()]);
    },
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      return job ? runOne(job) : false;
    },
  };
}
