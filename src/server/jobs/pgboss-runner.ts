// Jobs on PostgreSQL through pg-boss (schema `pgboss`, created and migrated by pg-boss itself at start).
// pg-boss runs on the app's own connection pool (no second pool, no connection of its own to close).
// Recurring jobs: every process that runs jobs offers the current slot's job under an id derived from
// (job name, slot start); the id is the job's primary key, so whichever server offers it first wins and
// the slot runs once. Workers fetch with SKIP LOCKED, so a job is handed to one server only. A process
// runs one job of a queue at a time; a run that outlasts its interval could meet the next slot's run on
// another server, so recurring jobs are written to be safe then (SKIP LOCKED, conditional updates).
// Retries, backoff, expiry of jobs whose server died, and the failed state are pg-boss's.
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Database, Db } from "../db/client";
import {
  describeError,
  executeOn,
  type Handler,
  type Job,
  type JobRunner,
  type QueueOptions,
  type RunnerOptions,
  type SendOptions,
  slotOf,
} from "./jobs";

type Pool = { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> };

/** pg-boss archives finished jobs after this; a recurring slot's id must stay in the job table for its whole slot. */
const ARCHIVE_AFTER_SECONDS = 2 * 24 * 3600;
const MAX_INTERVAL_MS = 24 * 3_600_000;

/** A stable UUID for one slot of one recurring job. */
export function slotJobId(name: string, slot: Date): string {
  const h = createHash("sha256").update(`simpul-slot:${name}:${slot.toISOString()}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class PgBossRunner implements JobRunner {
  readonly kind = "pg-boss" as const;
  readonly boss: PgBoss;
  #started: Promise<unknown> | undefined;
  #stopping = false;
  #queues = new Map<string, Promise<void>>();
  #loops: Promise<void>[] = [];
  #timers: NodeJS.Timeout[] = [];
  #wake = new Map<string, () => void>();

  constructor(
    database: Database,
    private readonly opts: RunnerOptions,
  ) {
    const pool = (database.db as unknown as { $client: Pool }).$client;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: "pgboss",
      migrate: true,
      // Maintenance (expiring jobs of a dead server, archiving) runs where jobs run; cron is not used.
      supervise: opts.runsJobs,
      schedule: false,
      archiveCompletedAfterSeconds: ARCHIVE_AFTER_SECONDS,
    });
    // pg-boss's own errors are about its tables (maintenance, fetch), not about our rows.
    this.boss.on("error", (err) => opts.log?.(`pg-boss: ${err instanceof Error ? err.message : String(err)}`));
  }

  #start(): Promise<unknown> {
    if (this.#stopping) return Promise.reject(new Error("job runner stopped"));
    this.#started ??= this.boss.start();
    return this.#started;
  }

  async queue(name: string, options: QueueOptions = {}): Promise<void> {
    let q = this.#queues.get(name);
    if (!q) {
      q = this.#start().then(() =>
        this.boss.createQueue(name, {
          name,
          retryLimit: options.retryLimit ?? 0,
          retryDelay: options.retryDelaySeconds ?? 0,
          retryBackoff: options.retryBackoff ?? false,
        }),
      );
      this.#queues.set(name, q);
      q.catch(() => this.#queues.delete(name));
    }
    await q;
  }

  async send<T extends object>(queue: string, payload: T, options: SendOptions = {}): Promise<string | null> {
    await this.queue(queue);
    return this.#sendRaw(queue, payload, options);
  }

  async sendMany<T extends object>(queue: string, payloads: T[], options: Pick<SendOptions, "db"> = {}): Promise<void> {
    if (payloads.length === 0) return;
    await this.queue(queue);
    const tx = options.db;
    await this.boss.insert(
      payloads.map((data) => ({ name: queue, data })),
      tx ? { db: { executeSql: (text: string, values: unknown[]) => executeOn(tx, text, values) } } : {},
    );
    this.#wake.get(queue)?.();
  }

  async #sendRaw(queue: string, payload: object, options: SendOptions & { id?: string }): Promise<string | null> {
    const tx: Db | undefined = options.db;
    const id = await this.boss.send(queue, payload, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(tx ? { db: { executeSql: (text: string, values: unknown[]) => executeOn(tx, text, values) } } : {}),
    });
    if (id && !options.startAfter) this.#wake.get(queue)?.();
    return id;
  }

  async schedule(job: Job): Promise<void> {
    if (!this.opts.runsJobs) return;
    if (job.intervalMs > MAX_INTERVAL_MS || job.intervalMs < 1000) throw new Error(`job ${job.name}: interval must be 1 s to 24 h`);
    const interval = job.intervalMs;
    await this.queue(job.name, { retryLimit: 0 });
    const offer = () => {
      if (this.#stopping) return;
      const slot = slotOf(new Date(), interval);
      this.#sendRaw(job.name, { slot: slot.toISOString() }, { id: slotJobId(job.name, slot) }).catch((err) =>
        this.opts.log?.(`job ${job.name}: could not offer its slot: ${describeError(err)}`),
      );
    };
    // Offer a few times per slot, so a slot is offered even when one server's timer is late.
    const every = Math.max(250, Math.min(60_000, Math.floor(interval / 4)));
    const t = setInterval(offer, every);
    t.unref();
    this.#timers.push(t);
    offer();
    // A slot still queued two intervals later (its runs take longer than the interval) is dropped, so
    // the queue cannot grow without end; the next slot does the work.
    // The server that creates a slot's job wakes its own worker, so the others need not poll often.
    const pollMs = Math.max(this.#pollMs, Math.min(30_000, interval));
    await this.#work<{ slot?: string }>(job.name, pollMs, (data, info) => {
      const slot = data.slot ? new Date(data.slot) : undefined;
      if (slot && Date.now() - slot.getTime() > 2 * interval + 60_000) return Promise.resolve({ skipped: "stale" });
      return job.run(new Date(), { ...info, slot });
    });
  }

  get #pollMs(): number {
    return (this.opts.pollingIntervalSeconds ?? 2) * 1000;
  }

  work<T extends object>(queue: string, handler: Handler<T>): Promise<void> {
    return this.#work(queue, this.#pollMs, handler);
  }

  async #work<T extends object>(queue: string, pollMs: number, handler: Handler<T>): Promise<void> {
    if (!this.opts.runsJobs) return;
    await this.queue(queue);
    const loop = async () => {
      while (!this.#stopping) {
        let jobs: PgBoss.JobWithMetadata<T>[] = [];
        try {
          jobs = await this.boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
        } catch (err) {
          if (!this.#stopping) this.opts.log?.(`queue ${queue}: fetch failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        const job = jobs[0];
        if (!job) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, pollMs);
            this.#wake.set(queue, () => {
              clearTimeout(t);
              resolve();
            });
          });
          this.#wake.delete(queue);
          continue;
        }
        const info = { attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit };
        try {
          const out = await handler(job.data, info);
          await this.boss.complete(queue, job.id, out && typeof out === "object" ? out : undefined);
        } catch (err) {
          const message = describeError(err);
          if (info.lastAttempt) this.opts.log?.(`queue ${queue}: job ${job.id} failed for good: ${message}`);
          await this.boss.fail(queue, job.id, { message }).catch(() => {});
        }
      }
    };
    this.#loops.push(loop());
  }

  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    for (const t of this.#timers) clearInterval(t);
    for (const wake of this.#wake.values()) wake();
    // Our loops finish their current job (and its complete/fail) before this resolves.
    await Promise.allSettled(this.#loops);
    await Promise.allSettled([...this.#queues.values()]);
    if (this.#started) {
      await this.#started.catch(() => {});
      await this.boss.stop({ graceful: true, wait: true, timeout: 1000 });
    }
  }
}
