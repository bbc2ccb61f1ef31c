// Desa Binaan: the programme row per desa (status, decree, office, notes), its details (assigned PIMPASA
// officers, the village focal point, population) and indicator figures per period.
import { sql } from "drizzle-orm";
import { integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantRecord, updatedAt } from "../../db/columns";
import { users } from "../../db/schema";

/** Desa Binaan programme status per desa (villageDetails below extends it). */
export const villagePrograms = pgTable(
  "village_programs",
  {
    tenant: text("tenant").notNull(),
    desaCode: text("desa_code").notNull(),
    status: text("status", { enum: ["none", "candidate", "active"] })
      .notNull()
      .default("none"),
    decreeNumber: text("decree_number"),
    decreeDate: text("decree_date"),
    designatingOffice: text("designating_office"),
    notes: text("notes"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.desaCode], name: "village_programs_pk" })],
);

export const villageDetails = pgTable(
  "village_details",
  {
    /** Surrogate key: key rotation re-encrypts `*_enc` columns row by row through `id`. */
    id: uuid("id").notNull().defaultRandom(),
    tenant: text("tenant").notNull(),
    desaCode: text("desa_code").notNull(),
    /** Staff accounts with the pimpasa role assigned to this desa. */
    pimpasaUserIds: uuid("pimpasa_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
    focalName: text("focal_name"),
    focalPosition: text("focal_position"),
    /** AES-GCM ciphertext: the focal point's phone is personal data shown only to staff who need it. */
    focalPhoneEnc: text("focal_phone_enc"),
    population: integer("population"),
    populationYear: integer("population_year"),
    populationSource: text("population_source"),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.desaCode], name: "village_details_pk" }), uniqueIndex("village_details_id_uq").on(t.id)],
);

/** Figures of one desa for one period ("2025" or "2025-S1"); each figure has its own source. */
export const villageIndicators = pgTable(
  "village_indicators",
  {
    ...tenantRecord(),
    desaCode: text("desa_code").notNull(),
    period: text("period").notNull(),
    residentsAbroad: integer("residents_abroad"),
    residentsAbroadSource: text("residents_abroad_source"),
    nonProceduralDepartures: integer("non_procedural_departures"),
    nonProceduralDeparturesSource: text("non_procedural_departures_source"),
    victims: integer("victims"),
    victimsSource: text("victims_source"),
    passportPostponements: integer("passport_postponements"),
    passportPostponementsSource: text("passport_postponements_source"),
    reportsReceived: integer("reports_received"),
    reportsReceivedSource: text("reports_received_source"),
    notes: text("notes"),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("village_indicators_desa_period_uq").on(t.tenant, t.desaCode, t.period)],
);
