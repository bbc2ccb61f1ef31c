/** Public types of the job-offer checker ("Cek Lowongan"). Pure data, no runtime imports. */

export const FLAG_CODES = [
  "unrealistic_salary",
  "no_skill_required",
  "tourist_visa",
  "scam_hotspot_destination",
  "online_scam_job",
  "irregular_route",
  "document_retention",
  "fast_departure",
  "unlicensed_recruiter",
  "debt_bondage",
  "secrecy",
  "upfront_payment_personal_account",
  "underage_or_fake_identity",
  "moratorium_destination",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export const SIGNAL_CODES = [
  "licensed_agency",
  "official_programme",
  "official_channel",
  "work_visa",
  "pre_departure_steps",
  "realistic_pay",
  "domestic_job",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export type Level = "tinggi" | "sedang" | "rendah";

export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface JobFlag {
  code: FlagCode;
  title: string;
  explanation: string;
  titleEn: string;
  explanationEn: string;
  evidence: Evidence[];
}

export interface JobSignal {
  code: SignalCode;
  title: string;
  titleEn: string;
  evidence: Evidence[];
}

export type PayPeriod = "month" | "week" | "day" | "hour" | "year" | "piece";
export type MoneyKind = "salary" | "fee" | "other";

export interface MoneyEntity {
  text: string;
  /** Amount in the original currency (upper bound of a range). */
  amount: number;
  /** Lower bound when the text gave a range ("15–20 jt"). */
  amountMin?: number;
  /** ISO 4217 code. */
  currency: string;
  period: PayPeriod;
  kind: MoneyKind;
  /** Normalised to rupiah per month; null for piece rates. */
  idrPerMonth: number | null;
  start: number;
  end: number;
}

export interface DestinationEntity {
  /** ISO 3166-1 alpha-2. */
  country: string;
  city?: string;
}

export interface JobEntities {
  phones: string[];
  money: MoneyEntity[];
  destinations: DestinationEntity[];
  companies: string[];
  visaTypes: string[];
}

export interface JobCheckResult {
  level: Level;
  score: number;
  flags: JobFlag[];
  signals: JobSignal[];
  entities: JobEntities;
  /** Indonesian advice, tailored to the flags. */
  advice: string[];
  adviceEn: string[];
  /** True when the text reads as a warning/awareness message rather than an offer. */
  awareness: boolean;
  /**
   * The registry outcome for every company and licence number the text names; empty when no
   * registry was given (the offline verdict in the browser).
   */
  registry: RegistryOutcome[];
}

export type AgencyStatus = "active" | "suspended" | "revoked" | "expired";

export const REGISTRY_OUTCOMES = ["licensed", "suspended", "revoked", "expired", "not_found"] as const;
export type RegistryOutcomeCode = (typeof REGISTRY_OUTCOMES)[number];

export interface RegistryOutcome {
  /** What the text says: a company name ("PT Maju Jaya") or a licence number. */
  query: string;
  kind: "company" | "licence";
  outcome: RegistryOutcomeCode;
  /** The registry's own record, when one matched. */
  registeredName?: string;
  licenceNumber?: string;
  validUntil?: string | null;
  evidence: Evidence[];
}

export interface AgencyHit {
  status: AgencyStatus;
  name?: string;
  licenceNumber?: string;
  validUntil?: string | null;
}

export interface CheckOptions {
  lookupAgency?: (name: string) => AgencyHit | undefined;
  /** Looks a licence number (SIP3MI) up in the registry; any spacing or punctuation. */
  lookupLicence?: (licence: string) => AgencyHit | undefined;
}

export const JOB_TEXT_MAX = 5000;

export class JobTextError extends Error {
  readonly code: "empty" | "too_long" | "not_text";
  constructor(code: "empty" | "too_long" | "not_text", message: string) {
    super(message);
    this.name = "JobTextError";
    this.code = code;
  }
}
