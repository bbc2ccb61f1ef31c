// Destination countries with a rule of their own, shared by the job-offer engine (jobcheck/rules.ts:
// domestic work offered there) and passport screening (the "moratorium destination" red flag).

/**
 * Countries under the placement moratorium for domestic workers to Middle-East countries (Kepmenaker
 * 260/2015: Aljazair, Arab Saudi, Bahrain, Irak, Iran, Kuwait, Lebanon, Libya, Maroko, Mauritania, Mesir,
 * Oman, Pakistan, Palestina, Qatar, Sudan Selatan, Suriah, Tunisia, Uni Emirat Arab, Yaman, Yordania — 21
 * countries) as ISO 3166 alpha-2. One list, dated 2026-01.
 */
export const MORATORIUM_COUNTRIES = [
  "SA",
  "AE",
  "QA",
  "KW",
  "BH",
  "OM",
  "JO",
  "LB",
  "IQ",
  "EG",
  "SY",
  "YE",
  "LY",
  "DZ",
  "MA",
  "TN",
  "PK",
  "MR",
  "PS",
  "SS",
  "IR",
] as const;
