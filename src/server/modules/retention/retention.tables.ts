// Retention and erasure (UU 27/2022 on personal data protection): legal holds that keep a record out of
// every erasure, the mark of each erased record (the statistical skeleton stays, personal fields go), and
// the data-subject requests executed. No table here holds an identifier of the person who asked.
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { parentRef, requiredRef, tenantRecord, ts } from "../../db/columns";
import { users } from "../../db/schema";
import { cases } from "../cases/cases.tables";

/** A case kept whole for a legal process (investigation, prosecution, litigation, an archive request). */
export const legalHolds = pgTable(
  "legal_holds",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    /** Why (e.g. the police report number and the prosecutor's letter): encrypted, it may name people. */
    reasonEnc: text("reason_enc").notNull(),
    setBy: requiredRef("set_by", () => users.id),
    setAt: ts("set_at").notNull().defaultNow(),
    releasedAt: ts("released_at"),
    releasedBy: uuid("released_by").references(() => users.id),
  },
  (t) => [uniqueIndex("legal_holds_active_uq").on(t.caseId).where(sql`released_at IS NULL`)],
);

export const ERASURE_KINDS = ["report", "case", "case_person", "screening", "intel_identifier", "volunteer"] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];
export const ERASURE_CAUSES = ["retention", "request"] as const;

/**
 * One row per erased record: the retention job skips records already here, and a record's readers can
 * tell an erased record from an empty one. `requestId` names the data-subject request that erased it.
 */
export const retentionErasures = pgTable(
  "retention_erasures",
  {
    ...tenantRecord(),
    kind: text("kind", { enum: ERASURE_KINDS }).notNull(),
    recordId: uuid("record_id").notNull(),
    cause: text("cause", { enum: ERASURE_CAUSES }).notNull(),
    requestId: uuid("request_id"),
    erasedAt: ts("erased_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("retention_erasures_uq").on(t.kind, t.recordId, t.cause),
    index("retention_erasures_tenant_idx").on(t.tenant, t.erasedAt),
  ],
);

/** An executed erasure request: who decided, why (encrypted), and counts. Never the identifiers asked about. */
export const privacyRequests = pgTable("privacy_requests", {
  ...tenantRecord(),
  /** Which kinds of identifier the person gave (phone, nik, email), not their values. */
  identifierKinds: text("identifier_kinds").array().notNull(),
  reasonEnc: text("reason_enc").notNull(),
  decidedBy: requiredRef("decided_by", () => users.id),
  executedAt: ts("executed_at").notNull().defaultNow(),
  /** Records erased and refused, per kind. */
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
});
