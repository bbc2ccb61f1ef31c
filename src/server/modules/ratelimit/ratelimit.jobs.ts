import type { AppContext } from "../../context";
import type { Job } from "../../jobs/jobs";
import { purgeExpired } from "./ratelimit.service";

/** Removes counters whose window has ended (they would be reset on the next hit anyway). */
export function rateLimitJobs(ctx: AppContext): Job[] {
  return [{ name: "ratelimit.purge", intervalMs: 10 * 60_000, run: () => purgeExpired(ctx.db) }];
}
