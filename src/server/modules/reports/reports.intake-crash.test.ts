// Reliability: a report that received 201 survives a crash. Spawns the real server, submits reports
// concurrently, SIGKILLs the server mid-way, restarts it and finds every acknowledged report.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

type Server = { child: ChildProcess; exited: Promise<void> };

async function startServer(env: Record<string, string>): Promise<Server> {
  // node --import tsx (not the tsx CLI): one process, so SIGKILL really kills the server.
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      SIMPUL_DEMO: "0",
      SIMPUL_SEED_REGIONS: "36",
      SIMPUL_PUBLIC_RATE_LIMIT: "0",
      SIMPUL_LOG_LEVEL: "warn",
      SIMPUL_JOBS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes("Simpul berjalan di")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
  });
  return { child, exited };
}

async function crashDuringIntake(env: Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = { ...env, PORT: String(port), HOST: "127.0.0.1", SIMPUL_SECRET_KEY: randomBytes(32).toString("base64") };
  const first = await startServer(serverEnv);
  const acknowledged: { trackingCode: string; pin: string }[] = [];
  let killed = false;
  let errors = 0;
  const worker = async () => {
    while (!killed) {
      try {
        const res = await fetch(`${base}/api/public/reports`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            submissionId: randomUUID(),
            category: "suspicious_offer",
            description: "Tawaran kerja ke luar negeri tanpa biaya, berangkat minggu depan.",
            people: [{ phones: [`08${Math.floor(Math.random() * 1e10)}`] }],
          }),
        });
        if (res.status === 201) acknowledged.push(await res.json());
        else await res.body?.cancel();
      } catch {
        errors++; // in flight when the server died: never acknowledged
        if (killed) return;
      }
    }
  };
  const workers = Array.from({ length: 24 }, worker);
  // Kill while requests are in flight, after a good number have been acknowledged.
  while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 10));
  first.child.kill("SIGKILL");
  killed = true;
  await first.exited;
  await Promise.all(workers);

  const second = await startServer(serverEnv);
  try {
    const missing: string[] = [];
    for (let i = 0; i < acknowledged.length; i += 20) {
      await Promise.all(
        acknowledged.slice(i, i + 20).map(async (a) => {
          const res = await fetch(`${base}/api/public/reports/lookup`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(a),
          });
          if (res.status !== 200) missing.push(`${a.trackingCode}: ${res.status}`);
          else await res.json();
        }),
      );
    }
    return { acknowledged: acknowledged.length, errors, missing };
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
}

describe("crash during intake", () => {
  it("finds every acknowledged report after SIGKILL on the embedded database", { timeout: 240_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-crash-"));
    try {
      const r = await crashDuringIntake({ SIMPUL_DATA_DIR: dataDir });
      expect(r.acknowledged).toBeGreaterThanOrEqual(300);
      expect(r.missing).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(!!process.env.SIMPUL_TEST_DATABASE_URL)(
    "finds every acknowledged report after SIGKILL on PostgreSQL",
    { timeout: 240_000 },
    async () => {
      const pg = (await import("pg")).default;
      const url = process.env.SIMPUL_TEST_DATABASE_URL!;
      const name = `simpul_crash_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-crash-"));
      try {
        const r = await crashDuringIntake({ DATABASE_URL: u.toString(), SIMPUL_DATA_DIR: dataDir });
        expect(r.acknowledged).toBeGreaterThanOrEqual(300);
        expect(r.missing).toEqual([]);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
