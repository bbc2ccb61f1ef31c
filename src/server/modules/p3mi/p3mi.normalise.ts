// How company names and licence numbers are compared: the official list writes
// "PT. MAJU SENTOSA, Tbk" where a recruiter's message writes "PT Maju Sentosa".

/** Legal-form words that say nothing about which company it is. */
const LEGAL_FORMS = new Set(["pt", "cv", "tbk", "persero", "perseroan", "terbatas", "ud", "fa"]);

/** Company name for matching: lower case, no accents, punctuation, bracketed notes or legal form. */
export function normaliseCompanyName(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      // Notes in brackets are not part of the name: "(d/h PT Lama)", "(fiktif)", "(Persero)".
      .replace(/\([^)]*\)/g, " ")
      .replace(/&/g, " dan ")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .split(" ")
      .filter((w) => w && !LEGAL_FORMS.has(w))
      .join(" ")
  );
}

/** Licence number for matching: "B.123 / PL / 2024" and "b123pl2024" are the same licence. */
export function licenceKeyOf(licence: string): string {
  return licence.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Collapses runs of white space (the official spreadsheets carry line breaks and double spaces). */
export function tidy(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
