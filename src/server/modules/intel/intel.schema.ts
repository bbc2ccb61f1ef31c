// Request and response shapes of the recruiter-intelligence API.
import { z } from "zod";
import { safeString } from "../../lib/validation";
import { ENTITY_KINDS, INTEL_IDENTIFIER_KINDS, INTEL_SOURCES, VERDICTS } from "./intel.tables";

export const IdParam = z.object({ id: z.string().uuid() });

export const EntityListQuerySchema = z.object({
  q: safeString().trim().min(3).max(120).optional(),
  watched: z.enum(["true", "false"]).optional(),
  /** Only entities named in at least this many records (e.g. 2: linked across records). */
  minRecords: z.coerce.number().int().min(1).max(1000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const EntitySummarySchema = z.object({
  id: z.string(),
  kind: z.enum(ENTITY_KINDS),
  label: z.string().nullable(),
  watched: z.boolean(),
  identifiers: z.array(z.object({ kind: z.enum(INTEL_IDENTIFIER_KINDS), value: z.string() })),
  records: z.object({ report: z.number().int(), screening: z.number().int(), case: z.number().int() }),
});
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export const RecordRefSchema = z.object({
  source: z.enum(INTEL_SOURCES),
  id: z.string(),
  code: z.string(),
  at: z.string(),
  status: z.string().nullable(),
  role: z.string().nullable(),
  /** Whether the caller may open the record itself (its own rules apply there). */
  canOpen: z.boolean(),
});

export const EntityDetailSchema = EntitySummarySchema.extend({
  names: z.array(z.string()),
  watchReason: z.string().nullable(),
  identifiers: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(INTEL_IDENTIFIER_KINDS),
      value: z.string(),
      records: z.number().int(),
      firstSeenAt: z.string(),
    }),
  ),
  recordList: z.array(RecordRefSchema),
  judgements: z.array(
    z.object({ otherId: z.string(), verdict: z.enum(VERDICTS), note: z.string().nullable(), by: z.string(), at: z.string() }),
  ),
  /** Other entities whose names look alike (trigram similarity): a human decides, nothing is merged by name. */
  suggestions: z.array(z.object({ id: z.string(), label: z.string().nullable(), similarity: z.number() })),
});
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export const NetworkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), type: z.enum(["entity", "identifier", "report", "screening", "case"]), label: z.string() })),
  edges: z.array(z.object({ source: z.string(), target: z.string() })),
});

export const WatchSchema = z.object({ watched: z.boolean(), reason: safeString().trim().max(1000).optional() });
export const JudgementSchema = z
  .object({
    entityA: z.string().uuid(),
    entityB: z.string().uuid(),
    verdict: z.enum(VERDICTS),
    note: safeString().trim().max(1000).optional(),
  })
  .refine((v) => v.entityA !== v.entityB, { path: ["entityB"], message: "invalid_value" });
export const SplitSchema = z.object({ identifierIds: z.array(z.string().uuid()).min(1).max(50) });

export const PublicCheckSchema = z.object({
  kind: z.enum(["phone", "bank_account"]),
  value: safeString().trim().min(6).max(40),
});
export const PublicCheckResultSchema = z.object({
  /** True when the number or account was named in at least two public reports. */
  reported: z.boolean(),
  /** The count, only when it is 2 or more; never any detail. */
  count: z.number().int().nullable(),
});
