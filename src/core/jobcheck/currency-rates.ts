/**
 * Approximate exchange rates, rupiah (IDR) per one unit of each currency.
 *
 * RATES_DATE: 2026-01 planning rates, rounded. They are NOT market quotes: they were set from the
 * rough level of the rupiah in 2025 (about Rp 16,500 per US dollar) and cross rates of that period,
 * and are only used to decide whether an offered salary is far above normal pay. A 5–10% error
 * does not change that decision. Never fetched from the network: the engine must work offline.
 * Update the table (and RATES_DATE) when the rupiah moves by more than ~10%.
 */
export const RATES_DATE = "2026-01";

export const IDR_PER_UNIT: Readonly<Record<string, number>> = {
  IDR: 1,
  USD: 16_500,
  MYR: 3_900,
  SGD: 12_700,
  BND: 12_700,
  HKD: 2_120,
  TWD: 510,
  JPY: 108,
  KRW: 11.5,
  CNY: 2_300,
  MOP: 2_050,
  THB: 505,
  PHP: 290,
  VND: 0.63,
  KHR: 4.1,
  MMK: 7.9,
  LAK: 0.76,
  SAR: 4_400,
  AED: 4_490,
  QAR: 4_530,
  KWD: 53_800,
  BHD: 43_800,
  OMR: 42_900,
  JOD: 23_300,
  IQD: 12.6,
  TRY: 400,
  EUR: 18_900,
  GBP: 22_000,
  PLN: 4_450,
  RON: 3_750,
  AUD: 10_800,
  NZD: 9_700,
  CAD: 11_900,
};

/** Converts an amount to rupiah, or returns null for an unknown currency. */
export function toIdr(amount: number, currency: string): number | null {
  const rate = IDR_PER_UNIT[currency];
  return rate === undefined ? null : amount * rate;
}
