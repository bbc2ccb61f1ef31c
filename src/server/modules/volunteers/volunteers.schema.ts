import { z } from "zod";
import { calendarDate, safeString } from "../../lib/validation";
import { isRegionCode, regionLevelOf } from "../../../core/regions";

const text = (max: number) => safeString().trim().max(max);
const date = calendarDate().describe("TTTT-BB-HH");
const desaCode = z
  .string()
  .max(20)
  .refine((c) => isRegionCode(c) && regionLevelOf(c) === "desa", { message: "region_level" });

export const TrainingSchema = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string().nullable(),
  completedOn: z.string(),
  notes: z.string().nullable(),
});

export const VolunteerSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  account: z.object({ id: z.string(), username: z.string() }).nullable(),
  desa: z.array(z.object({ code: z.string(), name: z.string() })),
  consentAt: z.string(),
  codeOfConductAt: z.string(),
  codeOfConductVersion: z.string(),
  active: z.boolean(),
  notes: z.string().nullable(),
  trainings: z.array(TrainingSchema),
  activity: z.object({ sessions: z.number().int(), peopleReached: z.number().int(), lastSessionAt: z.string().nullable() }),
  /** What the caller may do with this registration (volunteers.policy.ts). */
  abilities: z.object({ edit: z.boolean(), addTraining: z.boolean() }),
});
export type VolunteerView = z.infer<typeof VolunteerSchema>;

export const VolunteerCreateSchema = z
  .object({
    name: text(120).min(1),
    phone: text(30)
      .regex(/^[+0-9 ()-]*$/)
      .nullable()
      .optional(),
    agencyId: z.string().uuid().nullable().optional(),
    userId: z
      .string()
      .uuid()
      .nullable()
      .optional()
      .describe("Akun relawan (peran volunteer); wilayah kerjanya diselaraskan dengan desa tugas"),
    desaCodes: z.array(desaCode).min(1).max(20),
    consentAt: date.describe("Tanggal persetujuan pengolahan data"),
    codeOfConductAt: date.describe("Tanggal menandatangani kode etik"),
    codeOfConductVersion: text(40).min(1).default("2025-1"),
    active: z.boolean().default(true),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export type VolunteerCreate = z.infer<typeof VolunteerCreateSchema>;

export const VolunteerUpdateSchema = z
  .object({
    name: text(120).min(1).optional(),
    phone: text(30)
      .regex(/^[+0-9 ()-]*$/)
      .nullable()
      .optional(),
    agencyId: z.string().uuid().nullable().optional(),
    userId: z.string().uuid().nullable().optional(),
    desaCodes: z.array(desaCode).min(1).max(20).optional(),
    consentAt: date.optional(),
    codeOfConductAt: date.optional(),
    codeOfConductVersion: text(40).min(1).optional(),
    active: z.boolean().optional(),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export type VolunteerUpdate = z.infer<typeof VolunteerUpdateSchema>;

export const TrainingCreateSchema = z
  .object({
    title: text(200).min(1),
    provider: text(200).nullable().optional(),
    completedOn: date,
    notes: text(1000).nullable().optional(),
  })
  .strict();
export type TrainingCreate = z.infer<typeof TrainingCreateSchema>;
