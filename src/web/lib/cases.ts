// Shapes of the case-management API as the web app uses them, inferred from the server's zod schemas
// (type-only imports: nothing from the server reaches the bundle). The picklists come from src/core,
// where the server's enums come from too.
import type { z } from "zod";
import type {
  CaseCreateSchema,
  CaseDocumentSchema,
  CaseDetailSchema,
  CaseSummarySchema,
  EventInputSchema,
  OverdueItemSchema,
  PersonInputSchema,
  PersonSchema,
  ReferralSchema,
  StatsSchema,
} from "../../server/modules/cases/cases.schema";

export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type CaseCreate = z.input<typeof CaseCreateSchema>;
export type CasePerson = z.infer<typeof PersonSchema>;
export type CasePersonInput = z.input<typeof PersonInputSchema>;
export type CaseEventInput = z.input<typeof EventInputSchema>;
export type Referral = z.infer<typeof ReferralSchema>;
export type OverdueItem = z.infer<typeof OverdueItemSchema>;
export type CaseStats = z.infer<typeof StatsSchema>;
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;

// The picklists of the case data: one list each, shared with the server through src/core.
export * from "../../core/cases";

// HTCDS 2.0 picklist value names, stored verbatim (labels in i18n under cases.htcds.*): one list,
// shared with the server through src/core.
export { EXPLOITATION_TYPES, METHODS_OF_CONTROL, PERPETRATOR_ROLES, RECRUITMENT_METHODS } from "../../core/htcds-values";

export const CASES_PATH = "/konsol/kasus";
export const CASE_NEW_PATH = "/konsol/kasus/baru";
export const REFERRALS_PATH = "/konsol/kasus/rujukan";
