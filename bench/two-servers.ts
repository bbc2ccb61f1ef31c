/**
 * Two app servers behind one PostgreSQL (issue 13 item 12): public report intake driven closed-loop by
 * two load processes, first both against one server process, then one against each of two server
 * processes (`src/server/main.ts`, separate processes, one database, shared rate-limit table, jobs off).
 * Reports the totals and the ratio two/one. On a 2-core machine the servers, the load and PostgreSQL
 * compete for the same cores, so the ratio is a floor, not what separate machines give.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freshPg, pgAvailable } from "./lib";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const CONCURRENCY_PER_CLIENT = 32;
const SECONDS = 5;

function startServer(url: string, key: string): Promise<{ port: number; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-2srv-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    HOST: "127.0.0.1",
    SIMPUL_DATA_DIR: dataDir,
    SIMPUL_SECRET_KEY: key,
    SIMPUL_DEMO: "0",
    SIMPUL_SEED_REGIONS: "none",
    SIMPUL_PUBLIC_RATE_LIMIT: "0",
    SIMPUL_JOBS: "0",
    SIMPUL_LOG_LEVEL: "silent",
  };
  const p: ChildProcess = spawn(tsx, [path.join(root, "src/server/main.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    p.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("Simpul berjalan")) {
        resolve({
          port,
          stop: () =>
            new Promise<void>((done) => {
              p.once("exit", () => {
                fs.rmSync(dataDir, { recursive: true, force: true });
                done();
              });
              p.kill("SIGTERM");
            }),
        });
      }
    });
    p.once("exit", (code) => reject(new Error(`server exit ${code}`)));
  });
}

function load(port: number): Promise<{ rps: number }> {
  const url = `http://127.0.0.1:${port}/api/public/reports`;
  const args = [path.join(root, "bench/report-intake.ts"), "--closed", url, String(CONCURRENCY_PER_CLIENT), String(SECONDS)];
  return new Promise((resolve, reject) => {
    const p = spawn(tsx, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    p.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`load exit ${code}`))));
  });
}

export async function run(): Promise<Record<string, number>> {
  if (!(await pgAvailable())) {
    console.log("PostgreSQL not reachable: skipped");
    return {};
  }
  const db = await freshPg(4);
  const url = db.database.url!;
  await db.database.close();
  const key = randomBytes(32).toString("base64");
  const a = await startServer(url, key);
  const b = await startServer(url, key);
  try {
    await load(a.port); // warm-up
    const one = await Promise.all([load(a.port), load(a.port)]);
    const two = await Promise.all([load(a.port), load(b.port)]);
    const oneRps = Math.round(one[0]!.rps + one[1]!.rps);
    const twoRps = Math.round(two[0]!.rps + two[1]!.rps);
    console.log(`intake, one server: ${oneRps} reports/s; two servers: ${twoRps} reports/s (x${(twoRps / oneRps).toFixed(2)})`);
    return { one_server_rps: oneRps, two_servers_rps: twoRps, ratio_x100: Math.round((twoRps / oneRps) * 100) };
  } finally {
    await a.stop();
    await b.stop();
    await db.drop();
  }
}

const self = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (self) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
