// Request and response shapes of erasure requests and legal holds.
import { z } from "zod";
import { safeString, safeText } from "../../lib/validation";

/** Who the request is about: at least one identifier (checked by the service, so the message names the field). */
export const SubjectQuerySchema = z.object({
  phone: safeString().trim().max(40).optional(),
  nik: safeString().trim().max(40).optional(),
  email: safeString().trim().max(200).optional(),
});
export type SubjectQuery = z.infer<typeof SubjectQuerySchema>;

export const ErasureRequestSchema = SubjectQuerySchema.extend({
  /** Why: the request's reference and the legal basis (e.g. "Permohonan tertulis 12/2026, Pasal 43 UU PDP"). */
  reason: safeText(1000),
});
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;

export const ErasureResultSchema = z.object({
  /** Null for a preview. */
  requestId: z.string().uuid().nullable(),
  executed: z.boolean(),
  counts: z.object({
    reportContacts: z.number().int(),
    reportPeople: z.number().int(),
    casePersons: z.number().int(),
    screenings: z.number().int(),
    intelIdentifiers: z.number().int(),
    volunteers: z.number().int(),
    refused: z.number().int(),
  }),
  refused: z.array(
    z.object({ kind: z.enum(["case", "report", "intel_identifier"]), reference: z.string(), reason: z.literal("legal_hold") }),
  ),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

export const LegalHoldBodySchema = z.object({ reason: safeText(1000) });

export const LegalHoldSchema = z.object({
  held: z.boolean(),
  /** Shown to those who may set or release the hold. */
  reason: z.string().nullable(),
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
});
export type LegalHold = z.infer<typeof LegalHoldSchema>;
