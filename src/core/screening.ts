// Passport-interview screening: the vocabulary, the documents each declared purpose requires and the
// weighted red flags, shared by the server (which stores the score) and the console form (which shows
// it while the officer types). The score is decision support, never the decision.
//
// Red flags follow the idea of interception forms used by anti-trafficking NGOs at borders: each
// observation carries a weight, the sum suggests how closely to look, and the officer records their own
// certainty beside it. Weights are a starting point for the Immigration Office to tune.
import { MORATORIUM_COUNTRIES } from "./destinations";

export const SCREENING_PURPOSES = ["work", "umrah_hajj", "tourism", "family_visit", "study_internship", "other"] as const;
export type ScreeningPurpose = (typeof SCREENING_PURPOSES)[number];

/** Documents the Directorate General's circular asks for, by declared purpose. */
export const SCREENING_DOCUMENTS = [
  "disnaker_recommendation",
  "kemenag_recommendation",
  "organiser_letter",
  "kemnaker_recommendation",
  "invitation_letter",
  "relative_passport_copy",
  "acceptance_letter",
  "return_ticket",
] as const;
export type ScreeningDocument = (typeof SCREENING_DOCUMENTS)[number];

export const REQUIRED_DOCUMENTS: Record<ScreeningPurpose, readonly ScreeningDocument[]> = {
  work: ["disnaker_recommendation"],
  umrah_hajj: ["kemenag_recommendation", "organiser_letter"],
  tourism: [],
  family_visit: ["invitation_letter", "relative_passport_copy"],
  study_internship: ["kemnaker_recommendation"],
  other: [],
};

export const PAID_BY = ["self", "family", "sponsor_or_recruiter", "employer", "loan", "unknown"] as const;
export const SCREENING_AGE_BANDS = ["17-20", "21-25", "26-35", "36-45", "46+"] as const;
export const SCREENING_SEXES = ["female", "male"] as const;

export const SCREENING_DECISIONS = ["issue", "postpone", "refuse"] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** Why a passport is postponed or refused (none for "issue"). */
export const SCREENING_REASONS = [
  "missing_documents",
  "purpose_doubtful",
  "suspected_non_procedural_work",
  "suspected_trafficking",
  "false_statement",
  "underage",
  "other",
] as const;
export type ScreeningReason = (typeof SCREENING_REASONS)[number];

export const SCREENING_RED_FLAGS = [
  "pay_far_above_normal",
  "debt_to_recruiter",
  "not_a_real_job",
  "documents_held_by_other",
  "contradictory_story",
  "sponsor_unknown",
  "recruiter_present",
  "tourist_or_umrah_cover",
  "moratorium_destination",
  "scam_hotspot_destination",
  "recruiter_paid_travel",
  "missing_required_documents",
  "coached_answers",
  "first_trip_no_contact_abroad",
] as const;
export type ScreeningRedFlag = (typeof SCREENING_RED_FLAGS)[number];

export const RED_FLAG_WEIGHTS: Record<ScreeningRedFlag, number> = {
  pay_far_above_normal: 3,
  debt_to_recruiter: 4,
  not_a_real_job: 3,
  documents_held_by_other: 4,
  contradictory_story: 3,
  sponsor_unknown: 2,
  recruiter_present: 3,
  tourist_or_umrah_cover: 4,
  moratorium_destination: 3,
  scam_hotspot_destination: 3,
  recruiter_paid_travel: 2,
  missing_required_documents: 3,
  coached_answers: 2,
  first_trip_no_contact_abroad: 1,
};

/** Flags Simpul derives from the answers themselves; the officer ticks the others. */
export const DERIVED_FLAGS: readonly ScreeningRedFlag[] = [
  "missing_required_documents",
  "moratorium_destination",
  "scam_hotspot_destination",
  "recruiter_paid_travel",
];

/** Countries whose border towns host the scam compounds Indonesian victims were taken to (2022–2026). */
export const SCAM_HOTSPOT_COUNTRIES = ["KH", "MM", "LA"] as const;

export type ScreeningAnswers = {
  purpose: ScreeningPurpose;
  documents: readonly ScreeningDocument[];
  destinationCountry?: string | null;
  paidBy?: (typeof PAID_BY)[number] | null;
  flags: readonly ScreeningRedFlag[];
  /** The level of the job-offer engine on the offer text, when there was one. */
  offerLevel?: "tinggi" | "sedang" | "rendah" | null;
};

export type ScoreReason = { flag: ScreeningRedFlag | "job_offer_high" | "job_offer_medium"; weight: number; derived: boolean };
export type ScreeningScore = {
  score: number;
  level: "high" | "medium" | "low";
  reasons: ScoreReason[];
  missingDocuments: ScreeningDocument[];
};

export const OFFER_WEIGHTS = { tinggi: 3, sedang: 1 } as const;
export const SCORE_BANDS = { high: 8, medium: 4 } as const;

export function missingDocuments(purpose: ScreeningPurpose, documents: readonly ScreeningDocument[]): ScreeningDocument[] {
  return REQUIRED_DOCUMENTS[purpose].filter((d) => !documents.includes(d));
}

/** The weighted score with the reason for every point, highest weight first. */
export function scoreScreening(a: ScreeningAnswers): ScreeningScore {
  const flags = new Set<ScreeningRedFlag>(a.flags.filter((f) => !DERIVED_FLAGS.includes(f)));
  const derived = new Set<ScreeningRedFlag>();
  const missing = missingDocuments(a.purpose, a.documents);
  if (missing.length > 0) derived.add("missing_required_documents");
  const country = (a.destinationCountry ?? "").toUpperCase();
  if ((MORATORIUM_COUNTRIES as readonly string[]).includes(country) && a.purpose !== "umrah_hajj") derived.add("moratorium_destination");
  if ((SCAM_HOTSPOT_COUNTRIES as readonly string[]).includes(country)) derived.add("scam_hotspot_destination");
  if (a.paidBy === "sponsor_or_recruiter") derived.add("recruiter_paid_travel");
  const reasons: ScoreReason[] = [
    ...[...flags].map((f) => ({ flag: f, weight: RED_FLAG_WEIGHTS[f], derived: false })),
    ...[...derived].map((f) => ({ flag: f, weight: RED_FLAG_WEIGHTS[f], derived: true })),
  ];
  if (a.offerLevel === "tinggi") reasons.push({ flag: "job_offer_high", weight: OFFER_WEIGHTS.tinggi, derived: true });
  if (a.offerLevel === "sedang") reasons.push({ flag: "job_offer_medium", weight: OFFER_WEIGHTS.sedang, derived: true });
  reasons.sort((x, y) => y.weight - x.weight || x.flag.localeCompare(y.flag));
  const score = reasons.reduce((s, r) => s + r.weight, 0);
  const level = score >= SCORE_BANDS.high ? "high" : score >= SCORE_BANDS.medium ? "medium" : "low";
  return { score, level, reasons, missingDocuments: missing };
}
