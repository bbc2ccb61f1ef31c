// Blind second review of postponements and refusals, and the supervisor's tie-break. When a decision
// becomes final, a postponement is counted in the applicant's desa indicators for that year.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { encrypt } from "../../lib/crypto";
import { AppError, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { villageIndicators } from "../villages/villages.tables";
import { screeningPolicy } from "./screening.policy";
import { findScreening, reviewsOf, type ScreeningRow } from "./screening.repo";
import type { ReviewCreate, ScreeningDetail } from "./screening.schema";
import { recordOf, type ScreeningService } from "./screening.service";
import { screeningReviews, screenings } from "./screening.tables";

/** Where an automatic indicator figure comes from, as shown beside it on the village page. */
export const POSTPONEMENT_SOURCE = "Simpul: wawancara paspor (otomatis)";

export class ScreeningReviewService {
  constructor(
    private readonly ctx: AppContext,
    private readonly screeningsSvc: ScreeningService,
  ) {}

  review(p: Principal, actor: AuditActor, id: string, input: ReviewCreate, now = new Date()): Promise<ScreeningDetail> {
    return this.ctx.withAudit(
      actor,
      (d: ScreeningDetail) => ({
        action: "screening.review",
        resourceType: "screening",
        resourceId: id,
        details: { decision: input.decision, status: d.status },
      }),
      async (tx) => {
        const row = await findScreening(tx, p.tenant, id);
        if (!row) throw notFound();
        const reviews = await reviewsOf(tx, [row.id]);
        const rec = recordOf(row, reviews);
        if (!screeningPolicy.can(p, "read", rec)) throw notFound();
        const kind = screeningPolicy.can(p, "review", rec) ? "second" : screeningPolicy.can(p, "tiebreak", rec) ? "tiebreak" : null;
        if (!kind) throw new AppError("not_reviewable");
        await tx.insert(screeningReviews).values({
          tenant: p.tenant,
          screeningId: row.id,
          kind,
          reviewerId: p.id,
          decision: input.decision,
          reasonCode: input.decision === "issue" ? null : (input.reasonCode ?? null),
          noteEnc: input.note ? encrypt(this.ctx.keys, input.note) : null,
          createdAt: now,
        });
        let updated: ScreeningRow;
        if (kind === "second" && input.decision !== row.decision) {
          [updated] = (await tx
            .update(screenings)
            .set({ status: "awaiting_tiebreak", updatedAt: now })
            .where(eq(screenings.id, row.id))
            .returning()) as [ScreeningRow];
        } else {
          const reasonCode =
            kind === "second"
              ? (row.reasonCode ?? input.reasonCode ?? null)
              : input.decision === "issue"
                ? null
                : (input.reasonCode ?? null);
          [updated] = (await tx
            .update(screenings)
            .set({ status: "final", finalDecision: input.decision, finalReasonCode: reasonCode, finalAt: now, updatedAt: now })
            .where(eq(screenings.id, row.id))
            .returning()) as [ScreeningRow];
          if (updated.finalDecision === "postpone" && updated.desaCode)
            await countPostponements(tx, updated.tenant, updated.desaCode, updated.interviewedAt, p.id, now);
        }
        return this.screeningsSvc.present(tx, p, updated, await reviewsOf(tx, [row.id]));
      },
    );
  }
}

/** Jakarta calendar year and half-year (1 or 2) of a moment. */
function jakartaHalf(d: Date): { year: string; half: 1 | 2 } {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit" })
    .format(d)
    .split("-");
  return { year: year!, half: Number(month) <= 6 ? 1 : 2 };
}

/**
 * Sets the desa's passport-postponement figure for the period of the interview to the count of final
 * postponements of applicants from that desa in that period, with Simpul as its source. The period is the
 * semester row when the desa has one, else the year row when it has one, else a new semester row (a new
 * year row would sort after, and so hide, semester figures typed by hand). Immigration is the source of
 * this figure, so the automatic count replaces a figure typed by hand.
 */
export async function countPostponements(tx: Db, tenant: string, desaCode: string, at: Date, userId: string, now: Date): Promise<void> {
  const { year, half } = jakartaHalf(at);
  const semester = `${year}-S${half}`;
  const existing = await tx
    .select({ period: villageIndicators.period })
    .from(villageIndicators)
    .where(
      and(
        eq(villageIndicators.tenant, tenant),
        eq(villageIndicators.desaCode, desaCode),
        inArray(villageIndicators.period, [semester, year]),
      ),
    );
  const period = existing.some((r) => r.period === semester) ? semester : existing.some((r) => r.period === year) ? year : semester;
  const months = period === year ? [1, 12] : half === 1 ? [1, 6] : [7, 12];
  const [c] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(screenings)
    .where(
      and(
        eq(screenings.tenant, tenant),
        eq(screenings.desaCode, desaCode),
        eq(screenings.finalDecision, "postpone"),
        sql`to_char(${screenings.interviewedAt} AT TIME ZONE 'Asia/Jakarta', 'YYYY') = ${year}`,
        sql`extract(month FROM ${screenings.interviewedAt} AT TIME ZONE 'Asia/Jakarta') BETWEEN ${months[0]} AND ${months[1]}`,
      ),
    );
  const values = { passportPostponements: c?.n ?? 0, passportPostponementsSource: POSTPONEMENT_SOURCE, updatedAt: now, updatedBy: userId };
  await tx
    .insert(villageIndicators)
    .values({ tenant, desaCode, period, ...values })
    .onConflictDoUpdate({ target: [villageIndicators.tenant, villageIndicators.desaCode, villageIndicators.period], set: values });
}
