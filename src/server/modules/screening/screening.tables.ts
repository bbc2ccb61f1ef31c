// Passport-interview screenings of applicants suspected of non-procedural migration, their blind second
// reviews, referrals to counselling and home-visit tasks. Applicant identity fields are AES-GCM
// ciphertexts (`*_enc`) with keyed hashes for exact search, as for victims; purpose, destination, age
// band, sex and desa stay readable for statistics.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  PAID_BY,
  SCREENING_AGE_BANDS,
  SCREENING_DECISIONS,
  SCREENING_PURPOSES,
  SCREENING_REASONS,
  SCREENING_SEXES,
  type ScoreReason,
} from "../../../core/screening";
import { createdAt, parentRef, requiredRef, tenantRecord, timestamps, ts } from "../../db/columns";
import { agencies, users } from "../../db/schema";

/**
 * decided: issued, no review needed · awaiting_review: postponed or refused, waiting for the blind second
 * review · awaiting_tiebreak: the reviewer disagreed, a supervisor decides · final: the decision stands.
 */
export const SCREENING_STATUSES = ["decided", "awaiting_review", "awaiting_tiebreak", "final"] as const;
export const REVIEW_KINDS = ["second", "tiebreak"] as const;
export const FOLLOWUP_STATUSES = ["open", "done", "cancelled"] as const;

export const screenings = pgTable(
  "screenings",
  {
    ...tenantRecord(),
    /** Human reference, e.g. WP-7K3MQ; carries no personal data. */
    code: text("code").notNull(),
    interviewedAt: ts("interviewed_at").notNull(),
    officerId: requiredRef("officer_id", () => users.id),
    officeAgencyId: uuid("office_agency_id").references(() => agencies.id),
    nameEnc: text("name_enc").notNull(),
    nikEnc: text("nik_enc"),
    nikHash: text("nik_hash"),
    phoneEnc: text("phone_enc"),
    phoneHash: text("phone_hash"),
    sex: text("sex", { enum: SCREENING_SEXES }).notNull(),
    ageBand: text("age_band", { enum: SCREENING_AGE_BANDS }).notNull(),
    desaCode: text("desa_code"),
    purpose: text("purpose", { enum: SCREENING_PURPOSES }).notNull(),
    documents: text("documents").array().notNull().default(sql`'{}'::text[]`),
    /** Sponsor or recruiter as named by the applicant (name, phone, company): encrypted JSON. */
    sponsorEnc: text("sponsor_enc"),
    job: text("job"),
    destinationCountry: text("destination_country"),
    /** Route and story narrate a person's travel: encrypted. */
    routeEnc: text("route_enc"),
    paidBy: text("paid_by", { enum: PAID_BY }),
    offerTextEnc: text("offer_text_enc"),
    offerLevel: text("offer_level", { enum: ["tinggi", "sedang", "rendah"] }),
    offerFlags: text("offer_flags").array().notNull().default(sql`'{}'::text[]`),
    redFlags: text("red_flags").array().notNull().default(sql`'{}'::text[]`),
    score: integer("score").notNull(),
    scoreReasons: jsonb("score_reasons").$type<ScoreReason[]>().notNull(),
    certainty: integer("certainty").notNull(),
    decision: text("decision", { enum: SCREENING_DECISIONS }).notNull(),
    reasonCode: text("reason_code", { enum: SCREENING_REASONS }),
    missing: text("missing").array().notNull().default(sql`'{}'::text[]`),
    noteEnc: text("note_enc"),
    status: text("status", { enum: SCREENING_STATUSES }).notNull(),
    /** The decision that stands once reviews are done (equals `decision` for an issue). */
    finalDecision: text("final_decision", { enum: SCREENING_DECISIONS }),
    finalReasonCode: text("final_reason_code", { enum: SCREENING_REASONS }),
    finalAt: ts("final_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("screenings_code_uq").on(t.code),
    index("screenings_tenant_time_idx").on(t.tenant, t.interviewedAt),
    index("screenings_tenant_status_idx").on(t.tenant, t.status),
    index("screenings_nik_hash_idx").on(t.nikHash),
    index("screenings_phone_hash_idx").on(t.phoneHash),
  ],
);

/** Blind second reviews and supervisors' tie-breaks: the reviewer records a decision without seeing the first. */
export const screeningReviews = pgTable(
  "screening_reviews",
  {
    ...tenantRecord(),
    screeningId: parentRef("screening_id", () => screenings.id),
    kind: text("kind", { enum: REVIEW_KINDS }).notNull(),
    reviewerId: requiredRef("reviewer_id", () => users.id),
    decision: text("decision", { enum: SCREENING_DECISIONS }).notNull(),
    reasonCode: text("reason_code", { enum: SCREENING_REASONS }),
    noteEnc: text("note_enc"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("screening_reviews_kind_uq").on(t.screeningId, t.kind)],
);

/** The state of a follow-up (referral or home visit): open until its outcome (encrypted) is recorded. */
const followupState = () => ({
  status: text("status", { enum: FOLLOWUP_STATUSES }).notNull().default("open"),
  outcomeEnc: text("outcome_enc"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
  doneAt: ts("done_at"),
});

/** Referral of the applicant to counselling at an agency (Disnaker, DP3AKB). */
export const screeningReferrals = pgTable(
  "screening_referrals",
  {
    ...tenantRecord(),
    screeningId: parentRef("screening_id", () => screenings.id),
    agencyId: requiredRef("agency_id", () => agencies.id),
    ...followupState(),
  },
  (t) => [
    uniqueIndex("screening_referrals_uq").on(t.screeningId, t.agencyId),
    index("screening_referrals_agency_idx").on(t.agencyId, t.status),
  ],
);

/** A home visit by the PIMPASA or a volunteer of the applicant's desa (safe-migration counselling). */
export const screeningVisits = pgTable(
  "screening_visits",
  {
    ...tenantRecord(),
    screeningId: parentRef("screening_id", () => screenings.id),
    desaCode: text("desa_code").notNull(),
    assigneeId: requiredRef("assignee_id", () => users.id),
    dueDate: text("due_date").notNull(),
    ...followupState(),
  },
  (t) => [
    index("screening_visits_assignee_idx").on(t.assigneeId, t.status),
    uniqueIndex("screening_visits_open_uq").on(t.screeningId).where(sql`status = 'open'`),
  ],
);
