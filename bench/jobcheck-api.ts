/**
 * Job-offer check API under load: the real server (child process, embedded PGlite in a temp
 * directory, per-client limits off) answers POST /api/public/jobcheck at a fixed 200 requests per
 * second for 10 s, driven open-loop by bench/jobcheck-load.ts in another process. Reports p50/p99
 * latency and the rate achieved. Target (issue 3): p99 under 50 ms at 200 req/s.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RATE = 200;
const SECONDS = 10;
const WARMUP_SECONDS = 2;
const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/**
 * CPU time (ms) used so far by every process in a process group (Linux /proc; NaN elsewhere).
 * Per request it is a figure that other work on a shared machine does not inflate much.
 */
function groupCpuMs(pgid: number): number {
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue;
      }
      // Fields after the command name: state ppid pgrp … utime (12th) stime (13th).
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

function bodies(): string {
  return readFileSync(join(root, "test", "jobcheck", "train.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.stringify({ text: (JSON.parse(l) as { text: string }).text }))
    .join("\n");
}

export async function run(): Promise<Record<string, number>> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "simpul-bench-api-"));
  let log = "";
  // The embedded database, whatever the calling shell points DATABASE_URL at.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server = spawn(tsx, ["src/server/main.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SIMPUL_DATA_DIR: dataDir,
      SIMPUL_PUBLIC_RATE_LIMIT: "0",
      SIMPUL_DEMO: "0",
      SIMPUL_SEED_REGIONS: "36",
      SIMPUL_LOG_LEVEL: "warn",
    },
  });
  server.stdout?.on("data", (c: Buffer) => {
    log += c.toString();
  });
  server.stderr?.on("data", (c: Buffer) => {
    log += c.toString();
  });
  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise((r) => server.once("exit", r));
      process.kill(-server.pid, "SIGTERM");
      const t = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`);
      if (Date.now() > deadline) throw new Error(`server not ready in time:\n${log}`);
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const load = spawn(
      tsx,
      [join(root, "bench", "jobcheck-load.ts"), `${base}/api/public/jobcheck`, String(RATE), String(SECONDS), String(WARMUP_SECONDS)],
      {
        cwd: root,
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    let out = "";
    load.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    // Other work on the machine skews the tail: record how busy it was when the run started.
    const machineLoad = loadavg()[0]!;
    const cpuBefore = groupCpuMs(server.pid!);
    load.stdin.end(bodies());
    const code = await new Promise<number | null>((r) => load.once("exit", r));
    if (code !== 0) throw new Error(`load generator failed (exit ${code})`);
    const serverCpuMs = groupCpuMs(server.pid!) - cpuBefore;
    const r = JSON.parse(out.trim()) as {
      requests: number;
      errors: number;
      achievedRps: number;
      p50: number;
      p90: number;
      p99: number;
      max: number;
    };
    const result = {
      jobcheck_api_target_rps: RATE,
      jobcheck_api_achieved_rps: Math.round(r.achievedRps * 10) / 10,
      jobcheck_api_p50_ms: Math.round(r.p50 * 100) / 100,
      jobcheck_api_p90_ms: Math.round(r.p90 * 100) / 100,
      jobcheck_api_p99_ms: Math.round(r.p99 * 100) / 100,
      jobcheck_api_max_ms: Math.round(r.max * 100) / 100,
      jobcheck_api_requests: r.requests,
      jobcheck_api_errors: r.errors,
      jobcheck_api_loadavg_1m: Math.round(machineLoad * 100) / 100,
      // Includes the warm-up requests.
      jobcheck_api_server_cpu_ms_per_req: Math.round((serverCpuMs / (RATE * (SECONDS + WARMUP_SECONDS))) * 100) / 100,
    };
    console.log(
      `jobcheck API: ${result.jobcheck_api_achieved_rps} req/s achieved (target ${RATE}), p50 ${result.jobcheck_api_p50_ms} ms, ` +
        `p99 ${result.jobcheck_api_p99_ms} ms, max ${result.jobcheck_api_max_ms} ms, ${r.requests} requests, ${r.errors} errors; server CPU ${result.jobcheck_api_server_cpu_ms_per_req} ms/request (load average ${result.jobcheck_api_loadavg_1m})`,
    );
    return result;
  } finally {
    await stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
