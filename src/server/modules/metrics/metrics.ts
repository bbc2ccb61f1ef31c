// Prometheus metrics (prom-client) at /metrics: request counts and durations per route pattern (never
// the raw URL, which can carry ids or codes), the database pool, scheduled job runs, and the process.
// Readable with `Authorization: Bearer <SIMPUL_METRICS_TOKEN>` or an admin's session; nobody else.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { hasRole } from "../../auth/principal";
import type { Job } from "../../jobs/jobs";
import { AuthService } from "../../auth/auth.service";
import { SESSION_COOKIE } from "../../auth/auth.hook";

/** Process-wide: the process itself and the scheduled jobs (one scheduler per process). */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: "simpul_" });
const jobRuns = new Counter({
  name: "simpul_job_runs_total",
  help: "Scheduled job runs by job and outcome",
  labelNames: ["job", "outcome"] as const,
  registers: [processRegistry],
});
const jobDuration = new Histogram({
  name: "simpul_job_duration_seconds",
  help: "Scheduled job run time",
  labelNames: ["job"] as const,
  buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120],
  registers: [processRegistry],
});

/** Wraps jobs so each run is counted (ok/failed) and timed; the Job shape is unchanged. */
export function instrumentJobs(jobs: Job[]): Job[] {
  return jobs.map((job) => ({
    ...job,
    async run(now: Date) {
      const end = jobDuration.startTimer({ job: job.name });
      try {
        const r = await job.run(now);
        jobRuns.inc({ job: job.name, outcome: "ok" });
        return r;
      } catch (err) {
        jobRuns.inc({ job: job.name, outcome: "failed" });
        throw err;
      } finally {
        end();
      }
    },
  }));
}

type PoolLike = { totalCount: number; idleCount: number; waitingCount: number };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function installMetrics(app: FastifyInstance): void {
  const registry = new Registry();
  const requests = new Counter({
    name: "simpul_http_requests_total",
    help: "HTTP requests by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "simpul_http_request_duration_seconds",
    help: "HTTP request duration by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = app.ctx.database.kind === "postgresql" ? (app.ctx.db as unknown as { $client: PoolLike }).$client : undefined;
  new Gauge({
    name: "simpul_db_pool_connections",
    help: "Database pool connections by state (PostgreSQL only)",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });

  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  const auth = new AuthService(app.ctx);
  const token = app.ctx.config.metricsToken;
  app.get("/metrics", { schema: { hide: true }, config: { access: "public" } }, async (req, reply) => {
    // Access is decided here (a scraper has no session): the configured bearer token, or an admin session.
    const header = req.headers.authorization;
    let allowed = Boolean(token && header?.startsWith("Bearer ") && sameSecret(header.slice(7).trim(), token));
    if (!allowed) {
      const cookie = req.cookies[SESSION_COOKIE];
      const state = cookie ? await auth.resolveSession(cookie) : undefined;
      allowed = Boolean(state && hasRole(state.principal, "admin"));
    }
    if (!allowed) {
      reply.header("www-authenticate", 'Bearer realm="simpul-metrics"');
      return reply.status(401).type("text/plain").send("unauthorized\n");
    }
    const merged = Registry.merge([processRegistry, registry]);
    return reply
      .type(merged.contentType)
      .header("cache-control", "no-store")
      .send(await merged.metrics());
  });
}
