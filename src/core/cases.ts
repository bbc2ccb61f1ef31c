// Case management: the picklists of the case data, one list each for the server (table enums, zod
// schemas) and the console (selects, labels). Values with an HTCDS 2.0 equivalent are HTCDS value names
// (see src/core/htcds-values.ts and cases.htcds.ts on the server).

export const CASE_ORIGINS = ["public_report", "passport_screening", "police", "agency", "walk_in"] as const;
export const CASE_STATUSES = ["open", "under_assessment", "active", "closed"] as const;
/** Indonesian practice distinguishes potential and presumed victims; both export as HTCDS PossibleVictimOfTrafficking. */
export const TRAFFICKING_STATUSES = ["potential", "presumed", "confirmed", "not_victim"] as const;
/** HTCDS vic_TraffickingStatusDecisionMakingOrg value names. */
export const DECISION_ORGS = ["Police", "NGO", "CourtOrProsecution", "NonPoliceGovernmentalOrganization", "Other"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const CLOSURE_REASONS = [
  "services_completed",
  "referred_elsewhere",
  "not_trafficking",
  "victim_declined",
  "lost_contact",
  "deceased",
  "other",
] as const;
export const PERSON_KINDS = ["victim", "family", "perpetrator"] as const;
export const SEXES = ["female", "male", "unknown"] as const;
export const AGE_BANDS = ["0-17", "18-24", "25-34", "35-44", "45-59", "60+", "unknown"] as const;
export const PMI_STATUSES = ["procedural", "non_procedural", "not_migrant", "unknown"] as const;
export const EVENT_STAGES = ["Recruitment", "Transit", "Exploitation"] as const;
/** Risk levels of an assessment. */
export const RISKS = ["low", "medium", "high"] as const;
export const SERVICE_TYPES = [
  "shelter",
  "health",
  "psychosocial",
  "legal_aid",
  "restitution",
  "repatriation",
  "reintegration",
  "livelihood",
] as const;
export const SERVICE_STATUSES = ["planned", "in_progress", "delivered", "cancelled"] as const;
export const LEGAL_STAGES = ["police_report", "investigation", "prosecution", "trial", "verdict", "appeal", "restitution_order"] as const;
export const CONSENT_PURPOSES = ["share_with_agency", "photos", "data_processing"] as const;
export const CONSENT_METHODS = ["written", "verbal", "guardian"] as const;
export const REFERRAL_STATUSES = ["sent", "accepted", "rejected", "completed", "revoked"] as const;
/** HTCDS cas_ReasonForOutgoingReferral value names. */
export const REFERRAL_REASONS = ["AdditionalServicesRequired", "MigrationOrChangeOfLocation", "Other"] as const;
export const REFERRAL_SCOPES = ["case", "service"] as const;
