// Small helpers shared by the benchmarks: medians, percentiles, fresh databases, printing.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DbTimeouts } from "../src/server/config";
import { type Database, openDatabase } from "../src/server/db/client";

export const PG_URL = process.env.SIMPUL_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("id-ID", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** A fresh, migrated PostgreSQL database for one benchmark; dropped by the returned function. */
export async function freshPg(poolSize = 20, timeouts?: DbTimeouts): Promise<{ database: Database; drop(): Promise<void> }> {
  const name = `simpul_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgresql", url: u.toString(), poolSize, timeouts });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close().catch(() => {});
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function freshPglite(): Promise<Database> {
  const database = await openDatabase({ kind: "pglite", memory: true });
  await database.migrate();
  return database;
}
