// After the interview: referral of the applicant to counselling at an agency (Disnaker, DP3AKB) and a
// home visit by the PIMPASA or a volunteer of the applicant's desa. The receiving side sees only what it
// needs to find and counsel the applicant: name, desa, purpose, destination, reason (and the phone for
// agencies); never the NIK, the story or the offer text.
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { isWithin } from "../../../core/regions";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { agencies, regions, users } from "../../db/schema";
import { activeWithRole } from "../../db/users";
import { decrypt, encrypt } from "../../lib/crypto";
import { invalid, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { notifyUsers } from "../notifications/notifications.service";
import { screeningPolicy } from "./screening.policy";
import { findScreening, reviewsOf } from "./screening.repo";
import type { AssignmentView, ScreeningDetail } from "./screening.schema";
import { recordOf, type ScreeningService } from "./screening.service";
import { screeningReferrals, screenings, screeningVisits } from "./screening.tables";

type Assignee = { id: string; roles: string[]; jurisdiction: string[] | null };

/** A PIMPASA or volunteer whose jurisdiction covers the desa (null jurisdiction = the whole regency). */
export function coversDesa(u: Assignee, desaCode: string): boolean {
  if (!u.roles.some((r) => r === "pimpasa" || r === "volunteer")) return false;
  return u.jurisdiction === null || u.jurisdiction.some((area) => isWithin(desaCode, area));
}

export class ScreeningFollowupService {
  constructor(
    private readonly ctx: AppContext,
    private readonly screeningsSvc: ScreeningService,
  ) {}

  private async followable(p: Principal, tx: Parameters<Parameters<AppContext["withAudit"]>[2]>[0], id: string) {
    const row = await findScreening(tx, p.tenant, id);
    if (!row) throw notFound();
    const reviews = await reviewsOf(tx, [row.id]);
    if (!screeningPolicy.can(p, "followup", recordOf(row, reviews))) throw notFound();
    return { row, reviews };
  }

  refer(p: Principal, actor: AuditActor, id: string, agencyIds: string[], now = new Date()): Promise<ScreeningDetail> {
    return this.ctx.withAudit(
      actor,
      { action: "screening.refer", resourceType: "screening", resourceId: id, details: { agencyIds } },
      async (tx) => {
        const { row, reviews } = await this.followable(p, tx, id);
        const found = await tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.tenant, p.tenant), inArray(agencies.id, agencyIds), eq(agencies.active, true)));
        const missing = agencyIds.filter((a) => !found.some((f) => f.id === a));
        if (missing.length > 0) throw invalid({ agencyIds: { code: "invalid_value" } });
        await tx
          .insert(screeningReferrals)
          .values(agencyIds.map((agencyId) => ({ tenant: p.tenant, screeningId: row.id, agencyId, createdBy: p.id, createdAt: now })))
          .onConflictDoNothing();
        const operators = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(activeWithRole(p.tenant, "agency_operator", agencyIds));
        await notifyUsers(
          this.ctx,
          tx,
          operators,
          {
            tenant: p.tenant,
            kind: "screening.referral",
            resourceType: "screening_referral",
            resourceId: row.id,
            title: `Rujukan konseling pemohon paspor ${row.code}`,
            body: `Kantor Imigrasi merujuk seorang pemohon paspor (${row.code}) untuk konseling migrasi aman. Buka Simpul, menu Rujukan wawancara paspor.`,
          },
          now,
        );
        return this.screeningsSvc.present(tx, p, row, reviews);
      },
    );
  }

  assignVisit(
    p: Principal,
    actor: AuditActor,
    id: string,
    input: { assigneeId: string; dueDate: string },
    now = new Date(),
  ): Promise<ScreeningDetail> {
    return this.ctx.withAudit(
      actor,
      { action: "screening.visit_assign", resourceType: "screening", resourceId: id, details: { assigneeId: input.assigneeId } },
      async (tx) => {
        const { row, reviews } = await this.followable(p, tx, id);
        if (!row.desaCode) throw invalid({ assigneeId: { code: "invalid_value" } });
        const [u] = await tx
          .select({ id: users.id, roles: users.roles, jurisdiction: users.jurisdiction, email: users.email })
          .from(users)
          .where(and(eq(users.tenant, p.tenant), eq(users.id, input.assigneeId), isNull(users.disabledAt)));
        if (!u || !coversDesa(u, row.desaCode)) throw invalid({ assigneeId: { code: "invalid_value" } });
        await tx
          .update(screeningVisits)
          .set({ status: "cancelled" })
          .where(and(eq(screeningVisits.screeningId, row.id), eq(screeningVisits.status, "open")));
        await tx.insert(screeningVisits).values({
          tenant: p.tenant,
          screeningId: row.id,
          desaCode: row.desaCode,
          assigneeId: u.id,
          dueDate: input.dueDate,
          createdBy: p.id,
          createdAt: now,
        });
        const [y, m, d] = input.dueDate.split("-");
        await notifyUsers(
          this.ctx,
          tx,
          [u],
          {
            tenant: p.tenant,
            kind: "screening.visit",
            resourceType: "screening_visit",
            resourceId: row.id,
            title: `Tugas kunjungan rumah ${row.code}`,
            body: `Anda diminta mengunjungi seorang pemohon paspor di desa tugas Anda paling lambat ${d}/${m}/${y} untuk konseling migrasi aman. Rinciannya di menu Kunjungan rumah.`,
          },
          now,
        );
        return this.screeningsSvc.present(tx, p, row, reviews);
      },
    );
  }

  /** The home visits given to the caller, or the referrals sent to the caller's agency (audited: they name people). */
  assignments(p: Principal, actor: AuditActor, kind: "visit" | "referral"): Promise<{ items: AssignmentView[] }> {
    return this.ctx.withAudit(
      actor,
      { action: kind === "visit" ? "screening.visit_list" : "screening.referral_list", resourceType: "screening" },
      async (tx) => {
        const open = (v: string | null) => (v ? decrypt(this.ctx.keys, v) : null);
        const base = {
          screeningCode: screenings.code,
          nameEnc: screenings.nameEnc,
          phoneEnc: screenings.phoneEnc,
          desaCode: screenings.desaCode,
          desaName: regions.name,
          purpose: screenings.purpose,
          destinationCountry: screenings.destinationCountry,
          reasonCode: screenings.finalReasonCode,
        };
        const rows =
          kind === "visit"
            ? await tx
                .select({
                  ...base,
                  id: screeningVisits.id,
                  status: screeningVisits.status,
                  dueDate: screeningVisits.dueDate,
                  outcomeEnc: screeningVisits.outcomeEnc,
                  createdAt: screeningVisits.createdAt,
                })
                .from(screeningVisits)
                .innerJoin(screenings, eq(screenings.id, screeningVisits.screeningId))
                .leftJoin(regions, eq(regions.code, screenings.desaCode))
                .where(
                  and(
                    eq(screeningVisits.tenant, p.tenant),
                    eq(screeningVisits.assigneeId, p.id),
                    sql`${screeningVisits.status} <> 'cancelled'`,
                  ),
                )
                .orderBy(asc(screeningVisits.status), asc(screeningVisits.dueDate))
            : p.agencyId
              ? await tx
                  .select({
                    ...base,
                    id: screeningReferrals.id,
                    status: screeningReferrals.status,
                    dueDate: sql<string | null>`NULL`,
                    outcomeEnc: screeningReferrals.outcomeEnc,
                    createdAt: screeningReferrals.createdAt,
                  })
                  .from(screeningReferrals)
                  .innerJoin(screenings, eq(screenings.id, screeningReferrals.screeningId))
                  .leftJoin(regions, eq(regions.code, screenings.desaCode))
                  .where(and(eq(screeningReferrals.tenant, p.tenant), eq(screeningReferrals.agencyId, p.agencyId)))
                  .orderBy(asc(screeningReferrals.status), asc(screeningReferrals.createdAt))
              : [];
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind,
            screeningCode: r.screeningCode,
            applicantName: open(r.nameEnc) ?? "",
            applicantPhone: kind === "referral" ? open(r.phoneEnc) : null,
            desaCode: r.desaCode,
            desaName: r.desaName,
            purpose: r.purpose,
            destinationCountry: r.destinationCountry,
            reasonCode: r.reasonCode,
            dueDate: r.dueDate,
            status: r.status,
            outcome: open(r.outcomeEnc),
            createdAt: r.createdAt.toISOString(),
          })),
        };
      },
    );
  }

  /** The assignee (visit) or an operator of the receiving agency (referral) records the outcome. */
  complete(
    p: Principal,
    actor: AuditActor,
    kind: "visit" | "referral",
    id: string,
    outcome: string,
    now = new Date(),
  ): Promise<{ ok: true }> {
    return this.ctx.withAudit(
      actor,
      { action: `screening.${kind}_complete`, resourceType: `screening_${kind}`, resourceId: id },
      async (tx) => {
        const values = { status: "done" as const, outcomeEnc: encrypt(this.ctx.keys, outcome), doneAt: now };
        // The open follow-up `id` of this tenant that is mine (my visit, or a referral to my agency).
        const openMine = (t: typeof screeningVisits | typeof screeningReferrals, mine: SQL) =>
          and(eq(t.tenant, p.tenant), eq(t.id, id), mine, eq(t.status, "open"));
        const updated =
          kind === "visit"
            ? await tx
                .update(screeningVisits)
                .set(values)
                .where(openMine(screeningVisits, eq(screeningVisits.assigneeId, p.id)))
                .returning({ id: screeningVisits.id })
            : p.agencyId
              ? await tx
                  .update(screeningReferrals)
                  .set(values)
                  .where(openMine(screeningReferrals, eq(screeningReferrals.agencyId, p.agencyId)))
                  .returning({ id: screeningReferrals.id })
              : [];
        if (updated.length === 0) throw notFound();
        return { ok: true as const };
      },
    );
  }

  /** Agencies a counselling referral can go to, with how many active operators would receive it. */
  async referralAgencies(p: Principal) {
    const rows = await this.ctx.db
      .select({
        id: agencies.id,
        name: agencies.name,
        category: agencies.category,
        operators: sql<number>`(SELECT count(*)::int FROM ${users} u WHERE u.agency_id = ${agencies.id} AND u.disabled_at IS NULL AND 'agency_operator' = ANY(u.roles))`,
      })
      .from(agencies)
      .where(and(eq(agencies.tenant, p.tenant), eq(agencies.active, true)))
      .orderBy(asc(agencies.name));
    return { items: rows };
  }

  /** PIMPASA and volunteers who can take a home visit in the screening's desa. */
  async candidates(p: Principal, id: string) {
    const row = await findScreening(this.ctx.db, p.tenant, id);
    if (!row) throw notFound();
    if (!screeningPolicy.can(p, "followup", recordOf(row, await reviewsOf(this.ctx.db, [row.id])))) throw notFound();
    if (!row.desaCode) return { items: [] };
    const desa = row.desaCode;
    const rows = await this.ctx.db
      .select({ id: users.id, displayName: users.displayName, roles: users.roles, jurisdiction: users.jurisdiction })
      .from(users)
      .where(and(eq(users.tenant, p.tenant), isNull(users.disabledAt), sql`${users.roles} && ARRAY['pimpasa','volunteer']::text[]`))
      .orderBy(asc(users.displayName));
    return { items: rows.filter((u) => coversDesa(u, desa)).map(({ id, displayName, roles }) => ({ id, displayName, roles })) };
  }
}
