// Every piece of background work the app has, registered on the context's job runner. `npm start` calls
// startJobs after listening (unless SIMPUL_JOBS=0); `simpul worker` calls it without an HTTP server.
// A module contributes recurring jobs as `Job[]` ({ name, intervalMs, run(now) }) and queues through
// its own start function; the job functions stay in the modules and take `now`, so tests call them directly.
import type { AppContext } from "../context";
import { authJobs } from "../auth/auth.jobs";
import { auditJobs } from "../modules/audit/audit.checkpoint";
import { caseJobs } from "../modules/cases/cases.jobs";
import { intelJobs } from "../modules/intel/intel.jobs";
import { declareMailQueue, mailJobs, startMailJobs } from "../modules/notifications/notifications.mail";
import { instrumentJobs } from "../modules/metrics/metrics";
import { outreachJobs } from "../modules/outreach/outreach.jobs";
import { coordinationJobs } from "../modules/coordination/coordination.jobs";
import { periodicJobs } from "../modules/periodic/periodic.jobs";
import { rateLimitJobs } from "../modules/ratelimit/ratelimit.jobs";
import { reportJobs } from "../modules/reports/reports.jobs";
import { retentionJobs } from "../modules/retention/retention.jobs";
import type { Job } from "./jobs";

export function recurringJobs(ctx: AppContext): Job[] {
  // Each run is counted and timed for /metrics (instrumentJobs keeps the Job shape).
  return instrumentJobs([
    ...authJobs(ctx),
    ...reportJobs(ctx),
    ...caseJobs(ctx),
    ...outreachJobs(ctx),
    ...intelJobs(ctx),
    ...coordinationJobs(ctx),
    ...periodicJobs(ctx),
    ...auditJobs(ctx),
    ...rateLimitJobs(ctx),
    ...mailJobs(ctx),
    ...retentionJobs(ctx),
  ]);
}

/**
 * Declares the queues (every process, so requests can enqueue) and, when this process runs jobs,
 * starts the workers and the recurring jobs. Stopped by `ctx.jobs.stop()` (the app's close hook).
 */
export async function startJobs(ctx: AppContext): Promise<void> {
  await declareMailQueue(ctx);
  if (!ctx.config.jobs) return;
  await startMailJobs(ctx);
  for (const job of recurringJobs(ctx)) await ctx.jobs.schedule(job);
}
