// Public reports (pengaduan): the picklists of a report, one list each for the server (table enums, zod
// schemas) and the web (report form, console).

export const REPORT_CATEGORIES = ["suspicious_offer", "person_in_danger_abroad", "irregular_departure", "other"] as const;
export const REPORT_STATUSES = ["received", "verified", "forwarded", "in_handling", "closed", "rejected"] as const;
export const REPORT_OUTCOMES = [
  "resolved",
  "referred_to_case",
  "referred_to_police",
  "not_trafficking",
  "insufficient_information",
  "duplicate",
] as const;
/** The part a person named in a report plays in it. */
export const PERSON_ROLES = ["recruiter", "sponsor", "victim", "family", "other"] as const;
