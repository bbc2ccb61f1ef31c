// The API contract of the checker: the engine's result (src/core/jobcheck/types.ts) as zod, so the
// response is serialised by allow-list and documented in OpenAPI.
import { z } from "zod";
import { safeString } from "../../lib/validation";
import { FLAG_CODES, JOB_TEXT_MAX, REGISTRY_OUTCOMES, SIGNAL_CODES } from "../../../core/jobcheck";

export const JobcheckBody = z
  .object({
    text: safeString({
      error: (issue) => (issue.code !== "invalid_type" ? undefined : issue.input === undefined ? "required" : "must_be_text"),
    })
      .max(JOB_TEXT_MAX)
      .refine((s) => s.trim().length > 0, { message: "required" }),
  })
  .strict();

const Evidence = z.object({ start: z.number(), end: z.number(), text: z.string() });

export const JobcheckResult = z.object({
  level: z.enum(["tinggi", "sedang", "rendah"]),
  score: z.number(),
  flags: z.array(
    z.object({
      code: z.enum(FLAG_CODES),
      title: z.string(),
      explanation: z.string(),
      titleEn: z.string(),
      explanationEn: z.string(),
      evidence: z.array(Evidence),
    }),
  ),
  signals: z.array(z.object({ code: z.enum(SIGNAL_CODES), title: z.string(), titleEn: z.string(), evidence: z.array(Evidence) })),
  entities: z.object({
    phones: z.array(z.string()),
    money: z.array(
      z.object({
        text: z.string(),
        amount: z.number(),
        amountMin: z.number().optional(),
        currency: z.string(),
        period: z.enum(["month", "week", "day", "hour", "year", "piece"]),
        kind: z.enum(["salary", "fee", "other"]),
        idrPerMonth: z.number().nullable(),
        start: z.number(),
        end: z.number(),
      }),
    ),
    destinations: z.array(z.object({ country: z.string(), city: z.string().optional() })),
    companies: z.array(z.string()),
    visaTypes: z.array(z.string()),
  }),
  advice: z.array(z.string()),
  adviceEn: z.array(z.string()),
  awareness: z.boolean(),
  /** The registry outcome for every company and licence number the text names. */
  registry: z.array(
    z.object({
      query: z.string(),
      kind: z.enum(["company", "licence"]),
      outcome: z.enum(REGISTRY_OUTCOMES),
      registeredName: z.string().optional(),
      licenceNumber: z.string().optional(),
      validUntil: z.string().nullable().optional(),
      evidence: z.array(Evidence),
    }),
  ),
  /** True when the companies named in the text were checked against the P3MI registry. */
  registryUsed: z.boolean(),
  /** Phone numbers in the text that public reports named as a recruiter's at least twice: the count only. */
  reportedPhones: z.array(z.object({ phone: z.string(), count: z.number().int() })),
});
export type JobcheckResponse = z.infer<typeof JobcheckResult>;
