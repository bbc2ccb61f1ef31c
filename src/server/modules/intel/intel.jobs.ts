// Scheduled work of recruiter intelligence: link what arrived since the last run.
import type { AppContext } from "../../context";
import type { Job } from "../../jobs/jobs";
import { IntelSync } from "./intel.sync";

export function intelJobs(ctx: AppContext): Job[] {
  return [{ name: "intel.sync", intervalMs: 5 * 60_000, run: (now) => new IntelSync(ctx).run(now) }];
}
