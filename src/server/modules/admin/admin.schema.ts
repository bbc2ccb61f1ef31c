import { z } from "zod";
import { safeString } from "../../lib/validation";
import { PENTAHELIX, ROLES } from "../../../core/roles";
import { JurisdictionSchema } from "../../auth/auth.me";

export const AgencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.enum(PENTAHELIX),
  active: z.boolean(),
  /** Active accounts with the agency-operator role: who reads the agency's report inbox. 0 = a forward reaches nobody. */
  activeOperators: z.number().int().describe("Akun operator instansi yang aktif (penerima laporan yang diteruskan)"),
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencyCreateSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[A-Za-z0-9._-]+$/),
    name: safeString().trim().min(2).max(200),
    category: z.enum(PENTAHELIX),
  })
  .strict();
export const AgencyUpdateSchema = AgencyCreateSchema.partial().extend({ active: z.boolean().optional() }).strict();

const JurisdictionInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("regency") }).strict(),
  z.object({ kind: z.literal("areas"), codes: z.array(z.string().max(20)).min(1).max(400) }).strict(),
]);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agency: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  roles: z.array(z.string()),
  jurisdiction: JurisdictionSchema,
  disabled: z.boolean(),
  totpEnrolled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof UserSchema>;

export const UserCreateSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .regex(/^[a-z0-9._-]+$/i),
    displayName: safeString().trim().min(1).max(120),
    email: z.string().trim().email().max(200).optional(),
    agencyId: z.string().uuid(),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    jurisdiction: JurisdictionInput.default({ kind: "regency" }),
  })
  .strict();
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    displayName: safeString().trim().min(1).max(120).optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    agencyId: z.string().uuid().optional(),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
    jurisdiction: JurisdictionInput.optional(),
  })
  .strict();
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
