import type { Job } from "../jobs/jobs";
import type { AppContext } from "../context";
import { AuthService } from "./auth.service";

/** Expired sessions are refused on use anyway; this removes the rows so the table does not grow forever. */
export function authJobs(ctx: AppContext): Job[] {
  const auth = new AuthService(ctx);
  return [{ name: "auth.purge-sessions", intervalMs: 60 * 60_000, run: (now) => auth.purgeExpiredSessions(now) }];
}
