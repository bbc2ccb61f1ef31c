/**
 * Public report intake (issue 4). For PGlite (on disk) and PostgreSQL:
 *  - throughput: POST /api/public/reports through the real app (validation, encryption, keyed hashes,
 *    report + identifiers + timeline + audit record committed together; concurrent reports share one
 *    statement, see src/server/modules/reports/reports.intake-batch.ts), driven closed-loop by a client in another
 *    process (its CPU per request is reported: on two cores it competes with the server);
 *  - the same client against a bare Fastify route inserting the same report row with the same driver,
 *    in the same run, and the ratio full / bare;
 *  - open-loop latency at 500 reports/s from another process (p50/p99; no coordinated omission).
 * Targets (issue 4, PostgreSQL): ≥ 2,000 reports/s, ≥ 50 % of bare, p99 < 50 ms at 500/s.
 *
 * The load child: tsx bench/report-intake.ts --closed URL CONCURRENCY SECONDS
 *                 tsx bench/report-intake.ts --open URL RATE SECONDS WARMUP
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Fastify from "fastify";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { createContext } from "../src/server/context";
import { type Database, openDatabase } from "../src/server/db/client";
import { encrypt, hmacHex, loadKeyRing } from "../src/server/lib/crypto";
import { publicReports } from "../src/server/modules/reports/reports.tables";
import { intakeWriterFor } from "../src/server/modules/reports/reports.intake-batch";
import { newTrackingCode, pinFor, pinHash, submissionHash } from "../src/server/modules/reports/reports.tracking-code";
import { freshPg, pgAvailable } from "./lib";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const CONCURRENCY = 64;
const SECONDS = 5;
const OPEN_RATE = 500;
const OPEN_SECONDS = 10;

function body(): string {
  return JSON.stringify({
    submissionId: randomUUID(),
    category: "suspicious_offer",
    description: "Saya ditawari kerja di pabrik Malaysia, gaji 8 juta, tanpa biaya, berangkat lewat Batam minggu depan.",
    people: [{ name: "Pak Budi", phones: [`08${Math.floor(1e9 + Math.random() * 9e9)}`], handles: ["@loker_malaysia"] }],
    offerText: "Dibutuhkan segera operator pabrik di Malaysia. Gaji 8 juta. Tanpa potongan. Hubungi WA.",
  });
}

// ------------------------------------------------------------------ load child

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

function post(agent: http.Agent, url: URL, payload: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(payload);
  });
}

async function closedLoop(url: URL, concurrency: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  // Warm-up second, then measure.
  const warmEnd = performance.now() + 1000;
  const end = warmEnd + seconds * 1000;
  const cpu0 = process.cpuUsage();
  let ok = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const status = await post(agent, url, body());
        if (performance.now() < warmEnd) continue;
        if (status === 201) ok++;
        else errors++;
      }
    }),
  );
  agent.destroy();
  const cpu = process.cpuUsage(cpu0);
  return { rps: ok / seconds, errors, clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, ok + errors) };
}

async function openLoop(url: URL, rate: number, seconds: number, warmup: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * (seconds + warmup));
  const interval = 1000 / rate;
  const start = performance.now() + 50;
  const measureFrom = start + warmup * 1000;
  const lat: number[] = [];
  let errors = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const scheduled = start + sent * interval;
        pending.push(
          post(agent, url, body()).then((status) => {
            if (scheduled < measureFrom) return;
            lat.push(performance.now() - scheduled);
            if (status !== 201) errors++;
          }),
        );
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(2, start + sent * interval - performance.now())));
      else resolve();
    };
    setTimeout(tick, 50);
  });
  await Promise.all(pending);
  agent.destroy();
  lat.sort((a, b) => a - b);
  return {
    requests: lat.length,
    errors,
    p50: pct(lat, 50),
    p99: pct(lat, 99),
    max: lat[lat.length - 1] ?? Number.NaN,
    achievedRps: lat.length / seconds,
  };
}

function child(args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    const p = spawn(tsx, [fileURLToPath(import.meta.url), ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    p.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`load child exit ${code}`)),
    );
  });
}

// ------------------------------------------------------------------ servers

async function fullServer(database: Database) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-intake-"));
  const config = loadConfig(
    { SIMPUL_DATA_DIR: dataDir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_SEED_REGIONS: "none" },
    { demo: false, publicRateLimit: false, jobs: false },
  );
  const ctx = await createContext(config, database);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  return {
    url: new URL(`http://127.0.0.1:${port}/api/public/reports`),
    stats: () => ({ ...intakeWriterFor(ctx).stats }),
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Bare Fastify + the same drizzle driver inserting the same report row (no validation, no audit). */
async function bareServer(database: Database) {
  const keys = loadKeyRing({ secretKey: randomBytes(32).toString("base64"), dataDir: os.tmpdir() });
  const app = Fastify({ logger: false });
  app.post("/bare", async (req, reply) => {
    const b = req.body as { submissionId: string; category: "suspicious_offer"; description: string; people: unknown[]; offerText: string };
    const code = newTrackingCode();
    const pin = pinFor(keys, b.submissionId);
    await database.db.insert(publicReports).values({
      tenant: "36.04",
      trackingCode: code,
      submissionHash: submissionHash(keys, b.submissionId),
      pinHash: pinHash(keys, code, pin),
      category: b.category,
      description: b.description,
      offerText: b.offerText,
      peopleEnc: encrypt(keys, JSON.stringify(b.people)),
      verifyDueAt: new Date(Date.now() + 3 * 86_400_000),
    });
    hmacHex(keys, "x", "y");
    return reply.status(201).send({ trackingCode: code, pin });
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  return { url: new URL(`http://127.0.0.1:${port}/bare`), close: () => app.close() };
}

async function pgliteOnDisk(): Promise<{ database: Database; drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-pglite-"));
  const database = await openDatabase({ kind: "pglite", dataDir: dir });
  await database.migrate();
  return {
    database,
    drop: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(label: string, open: () => Promise<{ database: Database; drop(): Promise<void> }>, withOpenLoop: boolean) {
  const out: Record<string, number> = {};
  {
    const db = await open();
    const s = await bareServer(db.database);
    const r = await child(["--closed", s.url.toString(), String(CONCURRENCY), String(SECONDS)]);
    out[`${label}_bare_rps`] = Math.round(r.rps);
    await s.close();
    await db.drop();
  }
  {
    const db = await open();
    const s = await fullServer(db.database);
    const r = await child(["--closed", s.url.toString(), String(CONCURRENCY), String(SECONDS)]);
    const st = s.stats();
    out[`${label}_intake_mean_batch`] = Math.round((st.reports / Math.max(1, st.batches)) * 10) / 10;
    out[`${label}_intake_rps`] = Math.round(r.rps);
    out[`${label}_intake_errors`] = r.errors;
    if (withOpenLoop) {
      const o = await child(["--open", s.url.toString(), String(OPEN_RATE), String(OPEN_SECONDS), "2"]);
      out[`${label}_open_${OPEN_RATE}_p50_ms`] = Math.round(o.p50 * 100) / 100;
      out[`${label}_open_${OPEN_RATE}_p99_ms`] = Math.round(o.p99 * 100) / 100;
      out[`${label}_open_${OPEN_RATE}_errors`] = o.errors;
    }
    await s.close();
    await db.drop();
  }
  out[`${label}_ratio_to_bare`] = Math.round((out[`${label}_intake_rps`]! / out[`${label}_bare_rps`]!) * 100) / 100;
  console.log(
    `report intake ${label}: ${out[`${label}_intake_rps`]} reports/s (bare ${out[`${label}_bare_rps`]}/s, ratio ${out[`${label}_ratio_to_bare`]})` +
      (withOpenLoop
        ? `, at ${OPEN_RATE}/s p50 ${out[`${label}_open_${OPEN_RATE}_p50_ms`]} ms p99 ${out[`${label}_open_${OPEN_RATE}_p99_ms`]} ms`
        : ""),
  );
  return out;
}

export async function run(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  Object.assign(results, await measure("pglite", pgliteOnDisk, true));
  if (await pgAvailable()) Object.assign(results, await measure("pg", () => freshPg(20), true));
  else console.log("report intake: PostgreSQL not reachable, skipped");
  return results;
}

const self = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (self) {
  const [mode, url, a, b, c] = process.argv.slice(2);
  const job =
    mode === "--closed"
      ? closedLoop(new URL(url!), Number(a), Number(b))
      : mode === "--open"
        ? openLoop(new URL(url!), Number(a), Number(b), Number(c))
        : run();
  job.then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
