import { z } from "zod";
import { safeString } from "../../lib/validation";
import { P3MI_STATUSES } from "./p3mi.tables";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A licensed placement company as the public API shows it. */
export const AgencySchema = z.object({
  name: z.string(),
  licenceNumber: z.string(),
  status: z.enum(P3MI_STATUSES),
  /** Active and not past its validity date: the company may recruit. */
  licenceValid: z.boolean(),
  expired: z.boolean(),
  validFrom: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  headOfficeAddress: z.string().nullable(),
  branches: z.array(z.string()),
  source: z.string(),
  lastVerifiedOn: IsoDate,
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencySearchQuery = z.object({
  q: safeString().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
