// Dates known only to the month ("2023-09", a decree of September 2023) or to the day
// ("2023-09-12"). Stored as text in that form; edited as year, month and an optional day.

export interface PartialDateParts {
  year: string;
  /** "01"–"12", or "" */
  month: string;
  /** "01"–"31", or "" */
  day: string;
}

const PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

export function splitPartialDate(value: string | null | undefined): PartialDateParts {
  const match = PATTERN.exec(value ?? "");
  if (!match) return { year: "", month: "", day: "" };
  return { year: match[1]!, month: match[2]!, day: match[3] ?? "" };
}

/**
 * The stored form of the parts: "" when nothing is filled in, "YYYY-MM" or "YYYY-MM-DD", or a
 * problem: a year without a month, a day without a month, or a day the month does not have.
 */
export function joinPartialDate(parts: PartialDateParts): { value: string } | { problem: "month" | "year" | "day" } {
  const { year, month, day } = parts;
  if (!year && !month && !day) return { value: "" };
  if (!/^\d{4}$/.test(year)) return { problem: "year" };
  if (!month) return { problem: "month" };
  if (!day) return { value: `${year}-${month}` };
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > last) return { problem: "day" };
  return { value: `${year}-${month}-${day}` };
}
