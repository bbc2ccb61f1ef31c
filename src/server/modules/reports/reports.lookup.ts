// The public's view of a report: tracking code and PIN, with a lockout after repeated wrong PINs.
import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/errors";
import { eventsOf, iso } from "./reports.repo";
import { publicReports } from "./reports.tables";
import { formatTrackingCode, normaliseTrackingCode, pinHash } from "./reports.tracking-code";

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 60 * 60_000;

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Status for the public. Wrong code, wrong PIN and a locked code answer the same 404. */
export async function lookupReport(ctx: AppContext, trackingCode: string, pin: string, now = new Date()) {
  const code = normaliseTrackingCode(trackingCode);
  const candidate = pinHash(ctx.keys, code ?? "-", pin.trim());
  if (!code) throw new AppError("not_found");
  const [r] = await ctx.db
    .select({
      id: publicReports.id,
      pinHash: publicReports.pinHash,
      pinFailures: publicReports.pinFailures,
      pinLockedUntil: publicReports.pinLockedUntil,
      category: publicReports.category,
      status: publicReports.status,
      receivedAt: publicReports.receivedAt,
      outcome: publicReports.outcome,
    })
    .from(publicReports)
    .where(eq(publicReports.trackingCode, code));
  if (!r) throw new AppError("not_found");
  if (r.pinLockedUntil && r.pinLockedUntil > now) throw new AppError("not_found");
  if (!sameHex(candidate, r.pinHash)) {
    const failures = r.pinFailures + 1;
    await ctx.db
      .update(publicReports)
      .set(failures >= PIN_MAX_FAILURES ? { pinFailures: 0, pinLockedUntil: new Date(now.getTime() + PIN_LOCK_MS) } : { pinFailures: failures })
      .where(eq(publicReports.id, r.id));
    throw new AppError("not_found");
  }
  if (r.pinFailures > 0) await ctx.db.update(publicReports).set({ pinFailures: 0 }).where(eq(publicReports.id, r.id));
  const events = await eventsOf(ctx.db, r.id);
  const timeline = events
    .filter(({ e }) => e.kind !== "escalated" && e.kind !== "case_created" && (e.kind !== "note" || e.publicNote))
    .map(({ e, agency }) => ({
      at: iso(e.at)!,
      kind: e.kind,
      status: e.status,
      note: e.publicNote,
      // Which agency handles it is public (as on LAPOR!); who inside it is not.
      agency: e.kind === "forwarded" || e.kind === "agency_response" ? (agency?.name ?? null) : null,
    }));
  return {
    trackingCode: formatTrackingCode(code),
    category: r.category,
    status: r.status,
    receivedAt: iso(r.receivedAt)!,
    outcome: r.outcome,
    timeline,
  };
}
