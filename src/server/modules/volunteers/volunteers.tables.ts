// Volunteers (relawan): registration with consent and code of conduct, assigned desa, training.
import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, tenantRecord, timestamps } from "../../db/columns";
import { agencies, users } from "../../db/schema";

export const volunteers = pgTable(
  "volunteers",
  {
    ...tenantRecord(),
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
    ...timestamps(),
  },
  (t) => [uniqueIndex("volunteers_user_uq").on(t.userId), index("volunteers_tenant_idx").on(t.tenant, t.active)],
);

export const volunteerTrainings = pgTable(
  "volunteer_trainings",
  {
    ...tenantRecord(),
    volunteerId: parentRef("volunteer_id", () => volunteers.id),
    title: text("title").notNull(),
    provider: text("provider"),
    completedOn: date("completed_on").notNull(),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [index("volunteer_trainings_volunteer_idx").on(t.volunteerId)],
);
