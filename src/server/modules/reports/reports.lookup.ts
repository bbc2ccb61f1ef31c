// The public's view of a report: tracking code and PIN, with attempts counted per client and code in
// PostgreSQL (takePinAttempt), so concurrent guesses cannot slip past the limit.
import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/errors";
import { takePinAttempt } from "../ratelimit/ratelimit.service";
import { eventsOf, iso } from "./reports.repo";
import { publicReports } from "./reports.tables";
import { openNotes } from "./reports.text";
import { formatTrackingCode, normaliseTrackingCode, pinHash } from "./reports.tracking-code";

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Status for the public. A wrong code and a wrong PIN answer the same 404 `pin_wrong` with the
 * attempts left; too many wrong attempts answer 429 `pin_locked` with the time the lock ends
 * (see takePinAttempt: per client and code, plus a softer per-code brake).
 */
export async function lookupReport(ctx: AppContext, trackingCode: string, pin: string, client = "-", now = new Date()) {
  const code = normaliseTrackingCode(trackingCode);
  const candidate = pinHash(ctx.keys, code ?? "-", pin.trim());
  if (!code) throw new AppError("not_found");
  const attempt = await takePinAttempt(ctx.db, ctx.keys, code, client);
  if (!attempt.allowed) {
    const err = new AppError("pin_locked");
    err.info = {
      retryAt: attempt.retryAt.toISOString(),
      retryAfter: Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 1000)),
    };
    throw err;
  }
  const [r] = await ctx.db
    .select({
      id: publicReports.id,
      pinHash: publicReports.pinHash,
      category: publicReports.category,
      status: publicReports.status,
      receivedAt: publicReports.receivedAt,
      outcome: publicReports.outcome,
    })
    .from(publicReports)
    .where(eq(publicReports.trackingCode, code));
  if (!r || !sameHex(candidate, r.pinHash)) {
    const err = new AppError("pin_wrong");
    err.info = { attemptsLeft: attempt.attemptsLeft };
    throw err;
  }
  await attempt.settle(true);
  const events = await eventsOf(ctx.db, r.id);
  const timeline = events
    // Only the public note is opened: internal notes never leave for the public.
    .map((x) => ({ ...x, publicNote: openNotes(ctx.keys, x.e).publicNote }))
    .filter(({ e, publicNote }) => e.kind !== "escalated" && e.kind !== "case_created" && (e.kind !== "note" || publicNote))
    .map(({ e, publicNote, agency }) => ({
      at: iso(e.at)!,
      kind: e.kind,
      status: e.status,
      note: publicNote,
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
