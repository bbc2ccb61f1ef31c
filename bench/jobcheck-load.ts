/**
 * Open-loop HTTP load generator for `jobcheck-api`: runs in its own process so the server's
 * event loop is measured alone. Requests leave on a fixed schedule whatever the answers do, and
 * latency counts from the scheduled time (no coordinated omission).
 *   tsx bench/jobcheck-load.ts URL RATE SECONDS WARMUP_SECONDS < bodies.jsonl   →  one JSON line
 */
import http from "node:http";

type Sample = { latencyMs: number; ok: boolean; measured: boolean };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

async function main(): Promise<void> {
  const [url, rateArg, secondsArg, warmupArg] = process.argv.slice(2);
  const rate = Number(rateArg);
  const seconds = Number(secondsArg);
  const warmup = Number(warmupArg ?? 1);
  const bodies = (await readStdin())
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => Buffer.from(l));
  const target = new URL(url!);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const samples: Sample[] = [];
  const total = Math.round(rate * (seconds + warmup));
  const intervalMs = 1000 / rate;
  let sent = 0;
  let inFlight = 0;
  let done: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const start = performance.now() + 50;
  const measureFrom = start + warmup * 1000;

  const fire = (scheduled: number, body: Buffer) => {
    inFlight++;
    const finish = (ok: boolean) => {
      samples.push({ latencyMs: performance.now() - scheduled, ok, measured: scheduled >= measureFrom });
      inFlight--;
      if (sent === total && inFlight === 0) done();
    };
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": body.length },
      },
      (res) => {
        res.resume();
        res.on("end", () => finish(res.statusCode === 200));
        res.on("error", () => finish(false));
      },
    );
    req.on("error", () => finish(false));
    req.end(body);
  };

  const tick = () => {
    const now = performance.now();
    while (sent < total && start + sent * intervalMs <= now) {
      fire(start + sent * intervalMs, bodies[sent % bodies.length]!);
      sent++;
    }
    if (sent < total) setTimeout(tick, Math.max(0, Math.min(2, start + sent * intervalMs - performance.now())));
  };
  setTimeout(tick, 50);
  await finished;
  agent.destroy();

  const measured = samples.filter((s) => s.measured);
  const latencies = measured.map((s) => s.latencyMs).sort((a, b) => a - b);
  const firstScheduled = measureFrom;
  const lastScheduled = start + (total - 1) * intervalMs;
  process.stdout.write(
    `${JSON.stringify({
      requests: measured.length,
      errors: measured.filter((s) => !s.ok).length,
      achievedRps: measured.length / ((lastScheduled - firstScheduled + intervalMs) / 1000),
      p50: pct(latencies, 50),
      p90: pct(latencies, 90),
      p99: pct(latencies, 99),
      max: latencies[latencies.length - 1] ?? Number.NaN,
    })}\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
