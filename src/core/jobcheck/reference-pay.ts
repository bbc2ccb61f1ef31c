/**
 * Reference pay: the highest monthly pay that is still plausible for entry-level work of a given
 * kind in a given country, including normal overtime. An offer above the ceiling is flagged as
 * `unrealistic_salary`. Ceilings are deliberately generous (roughly 1.4–2x the legal minimum or
 * usual pay) so that genuine offers, including official programmes, are not flagged.
 *
 * Table date: 2026-01. All figures are approximations, stated in the local currency, based on:
 * - Malaysia: national minimum wage RM 1,700/month (Minimum Wages Order 2024, in force Feb 2025).
 * - Taiwan: minimum monthly wage NT$ 28,590 (2025); home caregivers NT$ 20,000 (2025 MOL rule).
 * - Hong Kong: Minimum Allowable Wage for foreign domestic helpers HK$ 5,100 (from Sept 2025).
 * - Singapore: no minimum wage; migrant domestic workers typically S$ 600–800, service jobs S$ 1,500–2,000.
 * - South Korea: minimum wage KRW 10,030/hour (2025) = KRW 2,096,270/month before overtime; EPS
 *   manufacturing with overtime commonly KRW 2.5–3.2 million.
 * - Japan: average regional minimum wage ~¥1,055/hour (FY2024); technical interns ~¥150–200k,
 *   Specified Skilled Worker (SSW) ~¥180–260k per month.
 * - Germany: nurses after recognition ~EUR 2,800–3,500 gross; Ausbildung trainee pay ~EUR 1,000–1,400.
 * - Poland minimum wage PLN 4,666 (2025); Romania RON 4,050 (2025); Spain SMI ~EUR 1,184 x14 (2025);
 *   Turkey net minimum wage TRY 22,104 (2025).
 * - Saudi Arabia / Gulf: typical contracts for hotel and cleaning staff SAR 1,500–2,500, AED
 *   1,500–3,500, QAR 1,800–3,000; domestic workers SAR 1,500–2,000, family drivers up to about
 *   SAR 2,500 / KWD 250 (placements closed, see moratorium rule); registered nurses in the Gulf
 *   roughly SAR 5,000–9,000; Turkey restaurant staff ~US$ 600–1,000.
 * - Cambodia garment minimum wage US$ 208 (2025); Thailand daily minimum wage ~THB 400 (2025);
 *   Philippines NCR ~PHP 695/day (2025); "office" jobs for foreigners in Cambodia, Myanmar, Laos
 *   and the Philippines that pay more than ~US$ 800 a month to unskilled recruits are the
 *   typical lure of online-scam compounds.
 * - Indonesia: UMP DKI Jakarta 2025 Rp 5,396,761; UMK Kab. Serang 2025 ~Rp 4.9 million.
 * - Australia minimum wage AUD 24.95/hour (2025); Canada provincial minimums ~CAD 16–17/hour.
 */
import { toIdr } from "./currency-rates.js";

export type JobCategory =
  | "domestic_worker"
  | "nursing"
  | "trainee"
  | "fishing"
  | "cruise"
  | "spa"
  | "office_online"
  | "home_task"
  | "factory"
  | "plantation"
  | "construction"
  | "hospitality"
  | "retail"
  | "driver"
  | "skilled"
  | "general";

interface CountryPay {
  currency: string;
  general: number;
  by?: Partial<Record<JobCategory, number>>;
}

export const REFERENCE_PAY_DATE = "2026-01";

/** Monthly ceilings in local currency. */
export const REFERENCE_PAY: Readonly<Record<string, CountryPay>> = {
  ID: { currency: "IDR", general: 7_500_000, by: { skilled: 40_000_000, home_task: 5_000_000, nursing: 12_000_000 } },
  MY: { currency: "MYR", general: 2_700, by: { office_online: 4_000, skilled: 8_000, domestic_worker: 2_200 } },
  SG: { currency: "SGD", general: 2_400, by: { domestic_worker: 1_000, skilled: 6_000 } },
  BN: { currency: "BND", general: 1_000, by: { domestic_worker: 700 } },
  TW: { currency: "TWD", general: 42_000, by: { domestic_worker: 30_000, fishing: 40_000 } },
  HK: { currency: "HKD", general: 15_000, by: { domestic_worker: 6_500 } },
  MO: { currency: "MOP", general: 12_000, by: { domestic_worker: 6_000 } },
  KR: { currency: "KRW", general: 3_400_000, by: { fishing: 3_400_000 } },
  JP: { currency: "JPY", general: 300_000, by: { trainee: 230_000 } },
  CN: { currency: "CNY", general: 8_000 },
  TH: { currency: "THB", general: 15_000, by: { office_online: 45_000, skilled: 80_000 } },
  VN: { currency: "USD", general: 600, by: { office_online: 1_000, skilled: 2_500 } },
  KH: { currency: "USD", general: 500, by: { office_online: 800 } },
  MM: { currency: "USD", general: 500, by: { office_online: 800 } },
  LA: { currency: "USD", general: 500, by: { office_online: 800 } },
  PH: { currency: "PHP", general: 30_000, by: { office_online: 40_000 } },
  SA: { currency: "SAR", general: 3_000, by: { domestic_worker: 2_500, skilled: 8_000, nursing: 9_000 } },
  AE: { currency: "AED", general: 5_000, by: { office_online: 6_000, domestic_worker: 2_500, skilled: 15_000, nursing: 12_000 } },
  QA: { currency: "QAR", general: 4_000, by: { domestic_worker: 3_000, nursing: 10_000 } },
  KW: { currency: "KWD", general: 300, by: { domestic_worker: 250, nursing: 800 } },
  BH: { currency: "BHD", general: 400, by: { domestic_worker: 250, spa: 300 } },
  OM: { currency: "OMR", general: 350, by: { domestic_worker: 250 } },
  JO: { currency: "JOD", general: 500, by: { domestic_worker: 350 } },
  IQ: { currency: "USD", general: 900, by: { domestic_worker: 500 } },
  TR: { currency: "TRY", general: 45_000 },
  DE: { currency: "EUR", general: 2_600, by: { nursing: 4_500, trainee: 1_600, skilled: 6_000 } },
  PL: { currency: "PLN", general: 6_500 },
  RO: { currency: "RON", general: 6_000 },
  ES: { currency: "EUR", general: 1_800 },
  IT: { currency: "EUR", general: 1_900 },
  NL: { currency: "EUR", general: 2_800 },
  GB: { currency: "GBP", general: 2_600, by: { nursing: 3_500 } },
  AU: { currency: "AUD", general: 5_500 },
  NZ: { currency: "NZD", general: 5_500 },
  CA: { currency: "CAD", general: 4_000 },
  US: { currency: "USD", general: 4_500 },
};

/** Fallback ceilings (IDR) when the destination abroad is unknown. */
const UNKNOWN_ABROAD_IDR = 20_000_000;
const UNKNOWN_ABROAD_OFFICE_IDR = 15_000_000;
/** Cap for any job located in an online-scam hotspot (Cambodia, Myanmar, Laos, Mae Sot…). */
export const HOTSPOT_CEILING_IDR = 800 * 16_500;

/** Cruise ships pay in US dollars regardless of flag; ceiling for entry-level crew. */
const CRUISE_CEILING_USD = 2_500;

/**
 * Ceiling for skilled hiring (a degree, years of experience, a licence or certificate asked for):
 * the country's skilled row, and never less than five times its general ceiling.
 */
export function skilledCeilingIdr(country: string | null): number {
  const row = country ? REFERENCE_PAY[country] : undefined;
  if (!row) return 5 * UNKNOWN_ABROAD_IDR;
  const local = Math.max(row.by?.skilled ?? 0, 5 * row.general);
  return toIdr(local, row.currency) ?? 5 * UNKNOWN_ABROAD_IDR;
}

/** Returns the ceiling in IDR per month for a country (or null = abroad, unknown) and job category. */
export function payCeilingIdr(country: string | null, category: JobCategory, abroad: boolean): number {
  if (category === "cruise") return CRUISE_CEILING_USD * 16_500;
  const c = country ?? (abroad ? null : "ID");
  const row = c ? REFERENCE_PAY[c] : undefined;
  if (!row) return category === "office_online" ? UNKNOWN_ABROAD_OFFICE_IDR : UNKNOWN_ABROAD_IDR;
  const local = row.by?.[category] ?? row.general;
  return toIdr(local, row.currency) ?? UNKNOWN_ABROAD_IDR;
}
