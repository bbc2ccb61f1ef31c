// Foundation benchmarks: first start, region import, sign-in throughput, and what the audit chain costs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { createContext } from "../src/server/context";
import type { Db } from "../src/server/db/client";
import { seedDemo } from "../src/server/seed/demo";
import { seedDemoProgramme } from "../src/server/seed/demo-programme";
import { loadRegions, readRegionRows } from "../src/server/seed/regions";
import { AuditWriter, ensureAuditShards } from "../src/server/modules/audit/audit.service";
import { hashPassword } from "../src/server/auth/auth.password";
import { agencies, users } from "../src/server/db/schema";
import { fmt, freshPg, freshPglite, median, pgAvailable } from "./lib";

async function firstStart(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-start-"));
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "src/server/main.ts"], {
      env: { ...process.env, SIMPUL_DATA_DIR: dir, PORT: "0", SIMPUL_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("Simpul berjalan")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    times.push(performance.now() - t0);
    child.kill("SIGTERM");
    await new Promise((r) => child.on("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

async function regionImport(kind: "pglite" | "postgresql", runs: number): Promise<{ rows: number; ms: number[] }> {
  const rows = readRegionRows("all");
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (kind === "pglite") {
      const db = await freshPglite();
      const t0 = performance.now();
      await loadRegions(db, rows);
      ms.push(performance.now() - t0);
      await db.close();
    } else {
      const { database, drop } = await freshPg(4);
      const t0 = performance.now();
      await loadRegions(database, rows);
      ms.push(performance.now() - t0);
      await drop();
    }
  }
  return { rows: rows.filter((r) => r.level === "desa").length, ms };
}

async function signInThroughput(runs: number): Promise<number[]> {
  const db = await freshPglite();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-login-"));
  const config = loadConfig({ SIMPUL_DATA_DIR: dir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_PUBLIC_RATE_LIMIT: "0" });
  const ctx = await createContext(config, db);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  const [agency] = await ctx.db
    .insert(agencies)
    .values({ tenant: config.regency, code: "B", name: "Bench", category: "government" })
    .returning();
  const passwordHash = await hashPassword("bench-password-123");
  const N = 40;
  await ctx.db.insert(users).values(
    Array.from({ length: N }, (_, i) => ({
      tenant: config.regency,
      username: `bench${i}`,
      displayName: "B",
      agencyId: agency!.id,
      roles: ["volunteer"],
      passwordHash,
    })),
  );
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        app.inject({ method: "POST", url: "/api/auth/login", payload: { username: `bench${i}`, password: "bench-password-123" } }),
      ),
    );
    if (res.some((x) => x.statusCode !== 200)) throw new Error("sign-in failed in benchmark");
    rates.push(N / ((performance.now() - t0) / 1000));
  }
  await app.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rates;
}

/** The demo Desa Binaan programme (volunteers, indicators, sessions) on PGlite, part of the first start. */
async function demoProgrammeSeed(runs: number): Promise<number[]> {
  const ms: number[] = [];
  const rows = readRegionRows("36");
  for (let i = 0; i < runs; i++) {
    const db = await freshPglite();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-demo-"));
    const ctx = await createContext(
      loadConfig({ SIMPUL_DATA_DIR: dir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_DEMO_PASSWORD: "bench-Demo-2026" }),
      db,
    );
    await loadRegions(db, rows);
    await seedDemo(ctx);
    const t0 = performance.now();
    const counts = await seedDemoProgramme(ctx);
    ms.push(performance.now() - t0);
    if (counts.sessions === 0) throw new Error("demo programme seeded no session in benchmark");
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return ms;
}

/**
 * Write throughput of small transactions (update a row + audit record) with 32 concurrent writers
 * on PostgreSQL: no audit, a single chain (one global lock), and the sharded chain.
 */
export async function auditThroughput(): Promise<Record<string, number>> {
  const { database, drop } = await freshPg(32);
  const db = database.db;
  await db.execute(sql`CREATE TABLE bench_items (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  await db.execute(sql`INSERT INTO bench_items SELECT g, 0 FROM generate_series(1, 1000) g`);
  const writers = 32;
  const seconds = 4;
  const actor = { userId: null, username: "bench", ip: null };
  // An audit record without a chain: what writing the record costs before any chaining.
  const unchained = {
    async write(tx: Db) {
      await tx.execute(sql`INSERT INTO audit_log (tenant, shard, seq, at, actor_username, action, resource_type, resource_id, details, prev_hash, hash)
        VALUES ('36.04', -1, nextval('audit_log_id_seq'), now(), 'bench', 'bench.update', 'item', '1', '{}'::jsonb, '', '')`);
    },
  } as unknown as AuditWriter;
  const run = async (audit: AuditWriter | null) => {
    let done = 0;
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        let i = w;
        while (performance.now() < deadline) {
          await db.transaction(async (tx) => {
            const id = (i++ % 1000) + 1;
            await tx.execute(sql`UPDATE bench_items SET n = n + 1 WHERE id = ${id}`);
            if (audit)
              await audit.write(tx as unknown as Db, actor, { action: "bench.update", resourceType: "item", resourceId: String(id) });
          });
          done++;
        }
      }),
    );
    return done / seconds;
  };
  await ensureAuditShards(db, 32);
  const results: Record<string, number[]> = { none: [], unchained: [], single: [], sharded: [] };
  for (let r = 0; r < 3; r++) {
    results.none!.push(await run(null));
    results.unchained!.push(await run(unchained));
    results.single!.push(await run(new AuditWriter("36.04", 1, Buffer.alloc(32, 7))));
    results.sharded!.push(await run(new AuditWriter("36.04", 32, Buffer.alloc(32, 7))));
  }
  await drop();
  return {
    none: median(results.none!),
    unchained: median(results.unchained!),
    single: median(results.single!),
    sharded: median(results.sharded!),
  };
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const start = await firstStart(3);
  out.firstStartMs = median(start);
  console.log(
    `first start (fresh data dir, PGlite, all regions + demo): median ${fmt(out.firstStartMs / 1000, 1)} s over ${start.length} runs`,
  );

  const programme = await demoProgrammeSeed(3);
  out.demoProgrammeSeedMs = median(programme);
  console.log(`demo Desa Binaan programme seed (PGlite): median ${fmt(out.demoProgrammeSeedMs)} ms over ${programme.length} runs`);

  const pglite = await regionImport("pglite", 3);
  out.regionImportPgliteMs = median(pglite.ms);
  console.log(`region import (${fmt(pglite.rows)} desa, all levels), PGlite: median ${fmt(out.regionImportPgliteMs)} ms over 3 runs`);
  if (await pgAvailable()) {
    const pgr = await regionImport("postgresql", 3);
    out.regionImportPostgresMs = median(pgr.ms);
    console.log(`region import, PostgreSQL: median ${fmt(out.regionImportPostgresMs)} ms over 3 runs`);
  }

  const logins = await signInThroughput(5);
  out.signInPerSecond = median(logins);
  console.log(`sign-in (argon2id, 40 concurrent, in-process): median ${fmt(out.signInPerSecond, 1)} sign-ins/s over ${logins.length} runs`);

  if (await pgAvailable()) {
    const a = await auditThroughput();
    out.auditNonePerSecond = a.none!;
    out.auditUnchainedPerSecond = a.unchained!;
    out.auditSinglePerSecond = a.single!;
    out.auditShardedPerSecond = a.sharded!;
    console.log(
      `write throughput, PostgreSQL, 32 writers (median of 3): no audit ${fmt(a.none!)} tx/s; audit record without chain ${fmt(a.unchained!)} tx/s; ` +
        `single chain ${fmt(a.single!)} tx/s (${fmt((100 * a.single!) / a.unchained!)}% of unchained); 32-shard chain ${fmt(a.sharded!)} tx/s (${fmt((100 * a.sharded!) / a.unchained!)}% of unchained)`,
    );
  }
  return out;
}
