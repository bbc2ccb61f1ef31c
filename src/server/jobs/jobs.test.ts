// The job runner on the database this run uses: pg-boss on PostgreSQL (SIMPUL_TEST_DATABASE_URL), the
// in-process runner on the embedded database. Two app servers on one PostgreSQL never run a job twice.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testConfig } from "../../../test/helpers/app";
import { type AppContext, createContext } from "../context";
import { type Database, openDatabase } from "../db/client";
import { rowsOf } from "../db/client";
import { sql } from "drizzle-orm";
import type { JobRunner } from "./jobs";

let database: Database;
let drop: () => Promise<void>;
const contexts: AppContext[] = [];
const extraDatabases: Database[] = [];

async function context(): Promise<AppContext> {
  const ctx = await createContext(testConfig({ jobs: true }), database, { pollingIntervalSeconds: 0.5, log: () => {} });
  contexts.push(ctx);
  return ctx;
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  for (const c of contexts) await c.jobs.stop();
  for (const d of extraDatabases) await d.close();
  await drop();
  for (const c of contexts) fs.rmSync(c.config.dataDir, { recursive: true, force: true });
});

describe("job runner", () => {
  it("is pg-boss on PostgreSQL and in-process on the embedded database", async () => {
    const ctx = await context();
    expect(ctx.jobs.kind).toBe(database.kind === "postgresql" ? "pg-boss" : "in-process");
  });

  it("runs one-off jobs, retries a failing one with backoff, and gives up after the retry limit", async () => {
    const ctx = await context();
    const runs: { key: string; attempt: number; lastAttempt: boolean; at: number }[] = [];
    await ctx.jobs.queue("test.flaky", { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true });
    await ctx.jobs.work<{ key: string; failTimes: number }>("test.flaky", async (p, info) => {
      runs.push({ key: p.key, attempt: info.attempt, lastAttempt: info.lastAttempt, at: Date.now() });
      if (info.attempt <= p.failTimes) throw new Error(`planned failure ${info.attempt}`);
    });
    await ctx.jobs.send("test.flaky", { key: "ok", failTimes: 0 });
    await ctx.jobs.send("test.flaky", { key: "second-try", failTimes: 1 });
    await ctx.jobs.send("test.flaky", { key: "never", failTimes: 99 });
    await until(() => runs.filter((r) => r.key === "never").length === 3 && runs.some((r) => r.key === "second-try" && r.attempt === 2));
    await new Promise((r) => setTimeout(r, 2_500)); // a fourth attempt would come within this
    const of = (key: string) => runs.filter((r) => r.key === key);
    expect(of("ok").map((r) => r.attempt)).toEqual([1]);
    expect(of("second-try").map((r) => r.attempt)).toEqual([1, 2]);
    expect(of("never").map((r) => [r.attempt, r.lastAttempt])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // Backoff: the wait before the third attempt is longer than the wait before the second.
    const [a, b, c] = of("never").map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(900);
    expect(c! - b!).toBeGreaterThan(b! - a!);
    if (database.kind === "postgresql") {
      const failed = rowsOf<{ n: number }>(
        await ctx.db.execute(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.flaky' AND state = 'failed'`),
      );
      expect(failed[0]!.n).toBe(1);
    } else {
      const runner = ctx.jobs as JobRunner & { failed: { queue: string; payload: object }[] };
      expect(runner.failed.filter((f) => f.queue === "test.flaky").map((f) => f.payload)).toEqual([{ key: "never", failTimes: 99 }]);
    }
  });

  it("runs a recurring job once per slot and never overlaps it with itself", async () => {
    const ctx = await context();
    const slots: number[] = [];
    let running = 0;
    let overlapped = false;
    await ctx.jobs.schedule({
      name: "test.tick",
      intervalMs: 1_000,
      run: async (_now, info) => {
        if (running++ > 0) overlapped = true;
        slots.push(info!.slot!.getTime());
        await new Promise((r) => setTimeout(r, 1_300)); // longer than the interval
        running--;
      },
    });
    await until(() => slots.length >= 3, 25_000);
    expect(overlapped).toBe(false);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it("does nothing in a process that runs no jobs (SIMPUL_JOBS=0)", async () => {
    const ctx = await createContext(testConfig({ jobs: false }), database);
    contexts.push(ctx);
    let ran = 0;
    await ctx.jobs.schedule({ name: "test.never", intervalMs: 1_000, run: async () => void ran++ });
    await ctx.jobs.work("test.never-queue", async () => void ran++);
    // It still enqueues on PostgreSQL (a worker elsewhere runs it); the embedded database has no other process.
    const id = await ctx.jobs.send("test.never-queue", {});
    if (database.kind === "postgresql") expect(id).toEqual(expect.any(String));
    else expect(id).toBeNull();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(ran).toBe(0);
  });
});

describe("two app servers on one PostgreSQL", () => {
  it("never run a job twice: a recurring job runs once per slot, each of a burst of jobs once", async () => {
    if (database.kind !== "postgresql") return;
    // A second server: its own pool and its own context on the same database.
    const second = await openDatabase({ kind: "postgresql", url: database.url!, poolSize: 4 });
    extraDatabases.push(second);
    const a = await context();
    const b = await createContext(testConfig({ jobs: true }), second, { pollingIntervalSeconds: 0.5, log: () => {} });
    contexts.push(b);

    const ticks: { server: string; slot: number }[] = [];
    const done: { server: string; n: number }[] = [];
    for (const [server, ctx] of [
      ["a", a],
      ["b", b],
    ] as const) {
      await ctx.jobs.schedule({
        name: "test.pair-tick",
        intervalMs: 1_000,
        run: async (_now, info) => void ticks.push({ server, slot: info!.slot!.getTime() }),
      });
      await ctx.jobs.work<{ n: number }>("test.burst", async (p) => {
        done.push({ server, n: p.n });
        await new Promise((r) => setTimeout(r, 5));
      });
    }
    const started = Date.now();
    // Both servers enqueue the same burst of numbered jobs; half is sent by each.
    for (let n = 0; n < 200; n++) await (n % 2 ? a : b).jobs.send("test.burst", { n });
    await until(() => done.length >= 200 && Date.now() - started > 6_000, 30_000);
    await new Promise((r) => setTimeout(r, 1_000));

    const count = new Map<number, number>();
    for (const d of done) count.set(d.n, (count.get(d.n) ?? 0) + 1);
    expect(count.size).toBe(200);
    expect([...count.values()].every((c) => c === 1)).toBe(true);
    // Both servers took part, so the test does show that one job is never handed to both.
    expect(new Set(done.map((d) => d.server)).size).toBe(2);

    const perSlot = new Map<number, number>();
    for (const t of ticks) perSlot.set(t.slot, (perSlot.get(t.slot) ?? 0) + 1);
    expect([...perSlot.values()].every((c) => c === 1)).toBe(true);
    expect(perSlot.size).toBeGreaterThanOrEqual(5);
    const sorted = [...perSlot.keys()].sort((x, y) => x - y).slice(0, -1); // the newest may still be running
    // No slot skipped between the first and the last one run.
    expect((sorted.at(-1)! - sorted[0]!) / 1_000 + 1).toBe(sorted.length);
  });
});
