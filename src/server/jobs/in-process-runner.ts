// Jobs on the embedded database: timers and a queue in this process's memory. The embedded database
// allows one process (data-dir lock), so nothing else can run the same job. The queue does not survive a
// restart: work that must not be lost keeps its own state in a table and is offered again by a recurring
// job (the e-mail outbox does: `notifications.email_status`).
import type { Db } from "../db/client";
import type { Handler, Job, JobRunner, QueueOptions, RunnerOptions, SendOptions } from "./jobs";
import { describeError, slotOf } from "./jobs";

type Queued = { id: string; queue: string; payload: object; key?: string; slotOn?: number; due: number; attempt: number };

let counter = 0;

export class InProcessRunner implements JobRunner {
  readonly kind = "in-process" as const;
  #queues = new Map<string, QueueOptions>();
  #handlers = new Map<string, Handler<any>>();
  #pending: Queued[] = [];
  #running = new Map<string, Promise<void>>();
  #timers: NodeJS.Timeout[] = [];
  #wakeTimer: NodeJS.Timeout | undefined;
  #stopped = false;
  /** Jobs that failed their last attempt, newest last (the in-memory dead letter list). */
  readonly failed: { queue: string; payload: object; error: string; at: Date }[] = [];

  constructor(
    _db: Db,
    private readonly opts: RunnerOptions,
  ) {}

  async queue(name: string, options: QueueOptions = {}): Promise<void> {
    if (!this.#queues.has(name)) this.#queues.set(name, options);
  }

  async send<T extends object>(queue: string, payload: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.opts.runsJobs || this.#stopped) return null;
    if (!this.#queues.has(queue)) await this.queue(queue);
    const now = Date.now();
    const slotOn = options.singletonSeconds ? slotOf(new Date(now), options.singletonSeconds * 1000).getTime() : undefined;
    if (options.singletonKey !== undefined || slotOn !== undefined) {
      // A key allows one live job with that key; a slot without a key, one job per slot.
      const clash = this.#pending.some(
        (j) => j.queue === queue && (options.singletonKey !== undefined ? j.key === options.singletonKey : j.slotOn === slotOn),
      );
      if (clash) return null;
    }
    const job: Queued = {
      id: `local-${++counter}`,
      queue,
      payload,
      key: options.singletonKey,
      slotOn,
      due: options.startAfter?.getTime() ?? now,
      attempt: 1,
    };
    this.#pending.push(job);
    this.#kick();
    return job.id;
  }

  async sendMany<T extends object>(queue: string, payloads: T[]): Promise<void> {
    for (const p of payloads) await this.send(queue, p);
  }

  async schedule(job: Job): Promise<void> {
    if (!this.opts.runsJobs || this.#stopped) return;
    const interval = job.intervalMs;
    let current: Promise<void> | undefined;
    const runOnce = () => {
      if (this.#stopped || current) return; // never overlap a job with itself
      const slot = slotOf(new Date(), interval);
      current = job
        .run(new Date(), { attempt: 1, lastAttempt: true, slot })
        .then(
          () => {},
          (err) => this.opts.log?.(`job ${job.name} failed: ${describeError(err)}`),
        )
        .finally(() => {
          this.#running.delete(`job:${job.name}`);
          current = undefined;
        });
      this.#running.set(`job:${job.name}`, current);
    };
    // The first run comes soon after start (not a whole interval later), then one per interval.
    const first = setTimeout(
      () => {
        runOnce();
        const t = setInterval(runOnce, interval);
        t.unref();
        this.#timers.push(t);
      },
      Math.min(interval, 2_000 + Math.floor(Math.random() * 3_000)),
    );
    first.unref();
    this.#timers.push(first);
  }

  async work<T extends object>(queue: string, handler: Handler<T>): Promise<void> {
    if (!this.opts.runsJobs) return;
    if (!this.#queues.has(queue)) await this.queue(queue);
    this.#handlers.set(queue, handler as Handler<any>);
    this.#kick();
  }

  /** Starts every due job whose queue is idle (one job at a time per queue), and sets a timer for the next one. */
  #kick(): void {
    if (this.#stopped) return;
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
    this.#wakeTimer = undefined;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const job of this.#pending) {
      const handler = this.#handlers.get(job.queue);
      if (!handler || this.#running.has(job.queue)) continue;
      if (job.due > now) {
        next = Math.min(next, job.due);
        continue;
      }
      this.#running.set(job.queue, this.#runJob(job, handler));
    }
    if (Number.isFinite(next)) {
      this.#wakeTimer = setTimeout(() => this.#kick(), Math.max(0, next - now));
      this.#wakeTimer.unref();
    }
  }

  async #runJob(job: Queued, handler: Handler<any>): Promise<void> {
    // Yield first: a job sent inside a transaction runs after the sender's statement, and on the
    // embedded database (one connection) its queries wait until that transaction ends.
    await new Promise((r) => setImmediate(r));
    const options = this.#queues.get(job.queue) ?? {};
    const retryLimit = options.retryLimit ?? 0;
    const info = { attempt: job.attempt, lastAttempt: job.attempt > retryLimit };
    try {
      await handler(job.payload, info);
      this.#pending = this.#pending.filter((j) => j !== job);
    } catch (err) {
      const message = describeError(err);
      if (info.lastAttempt) {
        this.#pending = this.#pending.filter((j) => j !== job);
        this.failed.push({ queue: job.queue, payload: job.payload, error: message, at: new Date() });
        if (this.failed.length > 100) this.failed.shift();
        this.opts.log?.(`queue ${job.queue}: job ${job.id} failed for good: ${message}`);
      } else {
        const base = (options.retryDelaySeconds ?? 0) * 1000;
        const delay = options.retryBackoff ? base * 2 ** (job.attempt - 1) : base;
        job.attempt++;
        job.due = Date.now() + delay;
      }
    } finally {
      this.#running.delete(job.queue);
      this.#kick();
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const t of this.#timers) clearTimeout(t);
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
    await Promise.allSettled([...this.#running.values()]);
  }
}
