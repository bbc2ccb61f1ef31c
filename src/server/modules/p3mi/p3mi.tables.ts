// The licensed placement company registry (P3MI with their SIP3MI licence). National reference
// data published by KP2MI: the same list for every regency, so no tenant column.
import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns";

export const P3MI_STATUSES = ["active", "suspended", "revoked"] as const;
export type P3miStatus = (typeof P3MI_STATUSES)[number];

export type P3miBranch = { address: string };

export const p3miCompanies = pgTable(
  "p3mi_companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Lower case, no legal form (PT/CV/Tbk) or punctuation: what the search and the engine lookup match on. */
    nameNormalised: text("name_normalised").notNull(),
    /** The SIP3MI number as published. */
    licenceNumber: text("licence_number").notNull(),
    /** The licence number in upper case without spaces or punctuation: the import's upsert key. */
    licenceKey: text("licence_key").notNull(),
    validFrom: date("valid_from", { mode: "string" }),
    validUntil: date("valid_until", { mode: "string" }),
    status: text("status", { enum: P3MI_STATUSES }).notNull().default("active"),
    headOfficeAddress: text("head_office_address"),
    branches: jsonb("branches").$type<P3miBranch[]>().notNull().default([]),
    /** Where the row came from, e.g. "SISKOP2MI KP2MI (unduhan 2026-05-01)". */
    source: text("source").notNull(),
    lastVerifiedOn: date("last_verified_on", { mode: "string" }).notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("p3mi_companies_licence_key_uq").on(t.licenceKey),
    index("p3mi_companies_name_normalised_idx").on(t.nameNormalised),
    index("p3mi_companies_name_trgm_idx").using("gin", sql`${t.nameNormalised} gin_trgm_ops`),
  ],
);

export type P3miCompanyRow = typeof p3miCompanies.$inferSelect;
