// Volunteers (relawan): registration with consent and code of conduct, assigned desa, training.
import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies, users } from "../../db/schema";

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const volunteers = pgTable(
  "volunteers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenant: text("tenant").notNull(),
    /** The volunteer's sign-in account (role volunteer); its jurisdiction follows desaCodes. */
    userId: uuid("user_id").references(() => users.id),
    /** AES-GCM ciphertext of the volunteer's name. */
    nameEnc: text("name_enc"),
    /** Legacy plaintext name, emptied at start by `sealLegacyVolunteerNames`; never written. */
    name: text("name"),
    /** AES-GCM ciphertext of the volunteer's phone. */
    phoneEnc: text("phone_enc"),
    agencyId: uuid("agency_id").references(() => agencies.id),
    desaCodes: text("desa_codes").array().notNull().default(sql`'{}'::text[]`),
    consentAt: date("consent_at").notNull(),
    codeOfConductAt: date("code_of_conduct_at").notNull(),
    codeOfConductVersion: text("code_of_conduct_version").notNull(),
    active: boolean("active").notNull().default(true),
    notes: text("notes"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("volunteers_user_uq").on(t.userId), index("volunteers_tenant_idx").on(t.tenant, t.active)],
);

export const volunteerTrainings = pgTable(
  "volunteer_trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenant: text("tenant").notNull(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    provider: text("provider"),
    completedOn: date("completed_on").notNull(),
    notes: text("notes"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("volunteer_trainings_volunteer_idx").on(t.volunteerId)],
);
