// Shapes of the case-management API as the web app uses them, inferred from the server's zod schemas
// (type-only imports: nothing from the server reaches the bundle). Picklists mirror the server's
// enums; `satisfies` makes the compiler catch any drift.
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

export const CASE_ORIGINS = [
  "public_report",
  "passport_screening",
  "police",
  "agency",
  "walk_in",
] as const satisfies readonly CaseSummary["origin"][];
export const CASE_STATUSES = ["open", "under_assessment", "active", "closed"] as const satisfies readonly CaseSummary["status"][];
export const TRAFFICKING_STATUSES = [
  "potential",
  "presumed",
  "confirmed",
  "not_victim",
] as const satisfies readonly CaseSummary["traffickingStatus"][];
export const DECISION_ORGS = [
  "Police",
  "NGO",
  "CourtOrProsecution",
  "NonPoliceGovernmentalOrganization",
  "Other",
] as const satisfies readonly NonNullable<CaseDetail["traffickingStatusOrg"]>[];
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const satisfies readonly CaseSummary["priority"][];
export const CLOSURE_REASONS = [
  "services_completed",
  "referred_elsewhere",
  "not_trafficking",
  "victim_declined",
  "lost_contact",
  "deceased",
  "other",
] as const satisfies readonly NonNullable<CaseDetail["closureReason"]>[];
export const PERSON_KINDS = ["victim", "family", "perpetrator"] as const satisfies readonly CasePerson["kind"][];
export const SEXES = ["female", "male", "unknown"] as const satisfies readonly CasePerson["sex"][];
export const PMI_STATUSES = [
  "procedural",
  "non_procedural",
  "not_migrant",
  "unknown",
] as const satisfies readonly CasePerson["pmiStatus"][];
export const EVENT_STAGES = ["Recruitment", "Transit", "Exploitation"] as const satisfies readonly CaseEventInput["stage"][];
export const SERVICE_TYPES = [
  "shelter",
  "health",
  "psychosocial",
  "legal_aid",
  "restitution",
  "repatriation",
  "reintegration",
  "livelihood",
] as const satisfies readonly CaseDetail["services"][number]["type"][];
export const SERVICE_STATUSES = [
  "planned",
  "in_progress",
  "delivered",
  "cancelled",
] as const satisfies readonly CaseDetail["services"][number]["status"][];
export const LEGAL_STAGES = [
  "police_report",
  "investigation",
  "prosecution",
  "trial",
  "verdict",
  "appeal",
  "restitution_order",
] as const satisfies readonly CaseDetail["legal"][number]["stage"][];
export const CONSENT_PURPOSES = [
  "share_with_agency",
  "photos",
  "data_processing",
] as const satisfies readonly CaseDetail["consents"][number]["purpose"][];
export const CONSENT_METHODS = ["written", "verbal", "guardian"] as const;
export const REFERRAL_REASONS = [
  "AdditionalServicesRequired",
  "MigrationOrChangeOfLocation",
  "Other",
] as const satisfies readonly Referral["reason"][];
export const RISKS = ["low", "medium", "high"] as const;

// HTCDS 2.0 picklist value names, stored verbatim (labels in i18n under cases.htcds.*): one list,
// shared with the server through src/core.
export { EXPLOITATION_TYPES, METHODS_OF_CONTROL, PERPETRATOR_ROLES, RECRUITMENT_METHODS } from "../../core/htcds-values";

export const CASES_PATH = "/konsol/kasus";
export const CASE_NEW_PATH = "/konsol/kasus/baru";
export const REFERRALS_PATH = "/konsol/kasus/rujukan";
