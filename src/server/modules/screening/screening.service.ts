// Recording, listing and reading passport-interview screenings. Reviews are in screening.review.ts,
// referrals and home visits in screening.followup.ts, statistics in screening.stats.ts.
import { SCORE_BANDS, scoreScreening } from "../../../core/screening";
import { checkJobOffer } from "../../../core/jobcheck";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { decrypt, encrypt } from "../../lib/crypto";
import { invalid, notFound } from "../../lib/errors";
import { parseWib } from "../../lib/wib";
import type { AuditActor } from "../audit/audit.service";
import { identifierHash, nikHash } from "../../lib/identifiers";
import { unknownRegionCodes } from "../regions/regions.service";
import { randomCode } from "../../lib/random-code";
import { type ScreeningRecord, screeningPolicy } from "./screening.policy";
import {
  findScreening,
  followupsOf,
  listScreenings,
  regionName,
  reviewsOf,
  type ReviewRow,
  type ScreeningRow,
  userNames,
} from "./screening.repo";
import type { ListQuery, ScreeningCreate, ScreeningDetail, ScreeningSummary } from "./screening.schema";
import { screenings } from "./screening.tables";

export function newScreeningCode(): string {
  return `WP-${randomCode(8)}`;
}

export function recordOf(row: ScreeningRow, reviews: ReviewRow[]): ScreeningRecord {
  const second = reviews.find((r) => r.kind === "second")?.reviewerId;
  const tiebreak = reviews.find((r) => r.kind === "tiebreak")?.reviewerId;
  return { officerId: row.officerId, officeAgencyId: row.officeAgencyId, status: row.status, reviewerIds: { second, tiebreak } };
}

export class ScreeningService {
  constructor(readonly ctx: AppContext) {}

  private open(v: string | null): string | null {
    return v ? decrypt(this.ctx.keys, v) : null;
  }

  private seal(v: string | undefined | null): string | null {
    return v ? encrypt(this.ctx.keys, v) : null;
  }

  async create(p: Principal, actor: AuditActor, input: ScreeningCreate, now = new Date()): Promise<ScreeningDetail> {
    if (input.applicant.desaCode && (await unknownRegionCodes(this.ctx.db, [input.applicant.desaCode])).length > 0) {
      throw invalid({ "applicant.desaCode": { code: "region_unknown" } });
    }
    const offer = input.offerText ? checkJobOffer(input.offerText) : null;
    const scored = scoreScreening({
      purpose: input.purpose,
      documents: input.documents,
      destinationCountry: input.destinationCountry,
      paidBy: input.paidBy,
      flags: input.redFlags,
      offerLevel: offer?.level ?? null,
    });
    const needsReview = input.decision !== "issue";
    const k = this.ctx.keys;
    const row = await this.ctx.withAudit(
      actor,
      (r: ScreeningRow) => ({
        action: "screening.create",
        resourceType: "screening",
        resourceId: r.id,
        details: { decision: r.decision, reasonCode: r.reasonCode, score: r.score, status: r.status },
      }),
      async (tx) => {
        const [r] = await tx
          .insert(screenings)
          .values({
            tenant: p.tenant,
            code: newScreeningCode(),
            interviewedAt: input.interviewedAt ? parseWib(input.interviewedAt) : now,
            officerId: p.id,
            officeAgencyId: p.agencyId,
            nameEnc: encrypt(k, input.applicant.name),
            nikEnc: this.seal(input.applicant.nik),
            nikHash: input.applicant.nik ? nikHash(k, input.applicant.nik) : null,
            phoneEnc: this.seal(input.applicant.phone),
            phoneHash: input.applicant.phone ? (identifierHash(k, "phone", input.applicant.phone) ?? null) : null,
            sex: input.applicant.sex,
            ageBand: input.applicant.ageBand,
            desaCode: input.applicant.desaCode ?? null,
            purpose: input.purpose,
            documents: [...new Set(input.documents)],
            sponsorEnc: input.sponsor && Object.values(input.sponsor).some(Boolean) ? encrypt(k, JSON.stringify(input.sponsor)) : null,
            job: input.job ?? null,
            destinationCountry: input.destinationCountry ?? null,
            routeEnc: this.seal(input.route),
            paidBy: input.paidBy ?? null,
            offerTextEnc: this.seal(input.offerText),
            offerLevel: offer?.level ?? null,
            offerFlags: offer ? offer.flags.map((f) => f.code) : [],
            redFlags: [...new Set(input.redFlags)],
            score: scored.score,
            scoreReasons: scored.reasons,
            certainty: input.certainty,
            decision: input.decision,
            reasonCode: input.decision === "issue" ? null : (input.reasonCode ?? null),
            missing: input.missing,
            noteEnc: this.seal(input.note),
            status: needsReview ? "awaiting_review" : "decided",
            finalDecision: needsReview ? null : "issue",
            finalAt: needsReview ? null : now,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return r!;
      },
    );
    return this.present(this.ctx.db, p, row, []);
  }

  async list(p: Principal, q: ListQuery): Promise<{ items: ScreeningSummary[]; total: number }> {
    const { rows, total } = await listScreenings(this.ctx.db, p.tenant, p.agencyId, {
      ...q,
      nikHash: q.nik ? nikHash(this.ctx.keys, q.nik) : undefined,
    });
    return { items: await this.summaries(p, rows), total };
  }

  /** Screenings waiting for this caller's blind review or tie-break. */
  async reviewQueue(p: Principal): Promise<{ items: ScreeningSummary[]; total: number }> {
    const { rows, total } = await listScreenings(this.ctx.db, p.tenant, p.agencyId, { limit: 100, offset: 0 }, p.id);
    const reviews = await reviewsOf(
      this.ctx.db,
      rows.map((r) => r.s.id),
    );
    const mine = rows.filter((r) => {
      const rec = recordOf(
        r.s,
        reviews.filter((x) => x.screeningId === r.s.id),
      );
      return screeningPolicy.can(p, "review", rec) || screeningPolicy.can(p, "tiebreak", rec);
    });
    return { items: await this.summaries(p, mine), total: mine.length < rows.length ? mine.length : total };
  }

  private async summaries(
    p: Principal,
    rows: { s: ScreeningRow; officerName: string; desaName: string | null }[],
  ): Promise<ScreeningSummary[]> {
    const reviews = await reviewsOf(
      this.ctx.db,
      rows.map((r) => r.s.id),
    );
    return rows
      .map((r) => ({
        ...r,
        rec: recordOf(
          r.s,
          reviews.filter((x) => x.screeningId === r.s.id),
        ),
      }))
      .filter((r) => screeningPolicy.can(p, "read", r.rec))
      .map(({ s, officerName, desaName, rec }) => {
        const see = screeningPolicy.can(p, "seeDecision", rec);
        return {
          id: s.id,
          code: s.code,
          interviewedAt: s.interviewedAt.toISOString(),
          officer: { id: s.officerId, displayName: officerName },
          purpose: s.purpose,
          destinationCountry: s.destinationCountry,
          desaCode: s.desaCode,
          desaName,
          score: s.score,
          status: s.status,
          decision: see ? s.decision : null,
          finalDecision: s.finalDecision,
        };
      });
  }

  /** The audited read of one screening: applicant identity is decrypted for the office's officers only. */
  get(p: Principal, actor: AuditActor, id: string): Promise<ScreeningDetail> {
    return this.ctx.withAudit(actor, { action: "screening.read", resourceType: "screening", resourceId: id }, async (tx) => {
      const row = await findScreening(tx, p.tenant, id);
      if (!row) throw notFound();
      const reviews = await reviewsOf(tx, [row.id]);
      if (!screeningPolicy.can(p, "read", recordOf(row, reviews))) throw notFound();
      return this.present(tx, p, row, reviews);
    });
  }

  async present(db: Db, p: Principal, row: ScreeningRow, reviews: ReviewRow[]): Promise<ScreeningDetail> {
    const rec = recordOf(row, reviews);
    const see = screeningPolicy.can(p, "seeDecision", rec);
    const names = await userNames(db, [row.officerId, ...reviews.map((r) => r.reviewerId)]);
    const { referrals, visits } = await followupsOf(db, row.id);
    const scored = scoreScreening({ purpose: row.purpose, documents: row.documents as never, flags: [], destinationCountry: null });
    const open = (v: string | null) => this.open(v);
    // A blind reviewer sees the other reviews only after recording their own.
    const visibleReviews = see ? reviews : reviews.filter((r) => r.reviewerId === p.id);
    return {
      id: row.id,
      code: row.code,
      interviewedAt: row.interviewedAt.toISOString(),
      officer: { id: row.officerId, displayName: names.get(row.officerId) ?? "" },
      purpose: row.purpose,
      destinationCountry: row.destinationCountry,
      desaCode: row.desaCode,
      desaName: await regionName(db, row.desaCode),
      score: row.score,
      scoreLevel: row.score >= SCORE_BANDS.high ? "high" : row.score >= SCORE_BANDS.medium ? "medium" : "low",
      scoreReasons: row.scoreReasons,
      status: row.status,
      decision: see ? row.decision : null,
      reasonCode: see ? row.reasonCode : null,
      missing: see ? row.missing : [],
      note: see ? open(row.noteEnc) : null,
      finalDecision: row.finalDecision,
      finalReasonCode: row.finalReasonCode,
      applicant: { name: open(row.nameEnc) ?? "", nik: open(row.nikEnc), phone: open(row.phoneEnc), sex: row.sex, ageBand: row.ageBand },
      documents: row.documents,
      missingDocuments: scored.missingDocuments,
      sponsor: row.sponsorEnc ? JSON.parse(open(row.sponsorEnc)!) : null,
      job: row.job,
      route: open(row.routeEnc),
      paidBy: row.paidBy,
      offerText: open(row.offerTextEnc),
      offerLevel: row.offerLevel,
      offerFlags: row.offerFlags,
      redFlags: row.redFlags,
      certainty: row.certainty,
      reviews: visibleReviews.map((r) => ({
        kind: r.kind,
        reviewer: { id: r.reviewerId, displayName: names.get(r.reviewerId) ?? "" },
        decision: r.decision,
        reasonCode: r.reasonCode,
        note: open(r.noteEnc),
        createdAt: r.createdAt.toISOString(),
      })),
      followups: [
        ...referrals.map(({ r, agencyName }) => ({
          id: r.id,
          kind: "referral" as const,
          agency: { id: r.agencyId, name: agencyName },
          assignee: null,
          dueDate: null,
          status: r.status,
          outcome: open(r.outcomeEnc),
          createdAt: r.createdAt.toISOString(),
        })),
        ...visits.map(({ v, assigneeName }) => ({
          id: v.id,
          kind: "visit" as const,
          agency: null,
          assignee: { id: v.assigneeId, displayName: assigneeName },
          dueDate: v.dueDate,
          status: v.status,
          outcome: open(v.outcomeEnc),
          createdAt: v.createdAt.toISOString(),
        })),
      ],
      abilities: {
        review: screeningPolicy.can(p, "review", rec),
        tiebreak: screeningPolicy.can(p, "tiebreak", rec),
        refer: screeningPolicy.can(p, "followup", rec),
        assignVisit: screeningPolicy.can(p, "followup", rec) && row.desaCode !== null,
      },
    };
  }
}
