// Recruiter intelligence: one table of identifiers (phone, bank account, e-wallet, social handle, e-mail,
// NIK, company, licence number) stored as keyed hashes plus encrypted values, the records that mention
// them, the entities (person or company) they are linked into by exact matches, and the judgements
// investigators record about whether two entities are the same.
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, requiredRef, tenantRecord, ts } from "../../db/columns";
import { users } from "../../db/schema";

export const INTEL_IDENTIFIER_KINDS = ["phone", "bank_account", "ewallet", "handle", "email", "nik", "company", "licence"] as const;
export type IntelIdentifierKind = (typeof INTEL_IDENTIFIER_KINDS)[number];
export const INTEL_SOURCES = ["report", "screening", "case"] as const;
export type IntelSource = (typeof INTEL_SOURCES)[number];
export const ENTITY_KINDS = ["person", "company"] as const;
export const VERDICTS = ["same", "not_same", "unsure"] as const;

export const intelEntities = pgTable(
  "intel_entities",
  {
    ...tenantRecord(),
    kind: text("kind", { enum: ENTITY_KINDS }).notNull(),
    /** A name seen with it, encrypted (names identify people). */
    labelEnc: text("label_enc"),
    watched: boolean("watched").notNull().default(false),
    watchReasonEnc: text("watch_reason_enc"),
    watchedBy: uuid("watched_by").references(() => users.id),
    watchedAt: ts("watched_at"),
    /** Set when a judgement merged this entity into another; its identifiers moved there. */
    mergedInto: uuid("merged_into"),
    createdAt: createdAt(),
  },
  (t) => [index("intel_entities_tenant_idx").on(t.tenant, t.watched)],
);

export const intelIdentifiers = pgTable(
  "intel_identifiers",
  {
    ...tenantRecord(),
    kind: text("kind", { enum: INTEL_IDENTIFIER_KINDS }).notNull(),
    /** Keyed hash (HMAC) of the normalised value: the same hash the reports and cases use for that kind. */
    hash: text("hash").notNull(),
    valueEnc: text("value_enc").notNull(),
    entityId: requiredRef("entity_id", () => intelEntities.id),
    firstSeenAt: ts("first_seen_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("intel_identifiers_uq").on(t.tenant, t.kind, t.hash), index("intel_identifiers_entity_idx").on(t.entityId)],
);

/** One identifier named in one record for one person ("profile": the identifiers named together). */
export const intelMentions = pgTable(
  "intel_mentions",
  {
    ...tenantRecord(),
    identifierId: parentRef("identifier_id", () => intelIdentifiers.id),
    source: text("source", { enum: INTEL_SOURCES }).notNull(),
    sourceId: uuid("source_id").notNull(),
    /** Which person of the record: e.g. "people.0" of a report, a case person's id, "sponsor" of a screening. */
    profile: text("profile").notNull(),
    role: text("role"),
    nameEnc: text("name_enc"),
    seenAt: ts("seen_at").notNull(),
  },
  (t) => [
    uniqueIndex("intel_mentions_uq").on(t.identifierId, t.source, t.sourceId, t.profile),
    index("intel_mentions_source_idx").on(t.source, t.sourceId),
  ],
);

export const intelJudgements = pgTable(
  "intel_judgements",
  {
    ...tenantRecord(),
    entityA: uuid("entity_a").notNull(),
    entityB: uuid("entity_b").notNull(),
    verdict: text("verdict", { enum: VERDICTS }).notNull(),
    noteEnc: text("note_enc"),
    judgedBy: requiredRef("judged_by", () => users.id),
    judgedAt: ts("judged_at").notNull().defaultNow(),
  },
  (t) => [index("intel_judgements_pair_idx").on(t.entityA, t.entityB), index("intel_judgements_b_idx").on(t.entityB)],
);
