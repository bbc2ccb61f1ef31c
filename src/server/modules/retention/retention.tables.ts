// Retention and erasure (UU 27/2022 on personal data protection): legal holds that keep a record out of
// every erasure, the mark of each erased record (the statistical skeleton stays, personal fields go), and
// the data-subject requests executed. No table here holds an identifier of the person who asked.
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../db/schema";
import { cases } from "../cases/cases.tables";

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A case kept whole for a legal process (investigation, prosecution, litigation, an archive request). */
export const legalHolds = pgTable(
  "legal_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenant: text("tenant").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** Why (e.g. the police report number and the prosecutor's letter): encrypted, it may name people. */
    reasonEnc: text("reason_enc").notNull(),
    setBy: uuid("set_by")
      .notNull()
      .references(() => users.id),
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
    id: uuid("id").primaryKey().defaultRandom(),
    tenant: text("tenant").notNull(),
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
  id: uuid("id").primaryKey().defaultRandom(),
  tenant: text("tenant").notNull(),
  /** Which kinds of identifier the person gave (phone, nik, email), not their values. */
  identifierKinds: text("identifier_kinds").array().notNull(),
  reasonEnc: text("reason_enc").notNull(),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  executedAt: ts("executed_at").notNull().defaultNow(),
  /** Records erased and refused, per kind. */
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
});
