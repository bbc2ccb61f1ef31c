// Every date and number shown to people goes through these helpers: dates in Asia/Jakarta (WIB),
// numbers in the conventions of the chosen language (Indonesian by default: 1.234,5).
import i18next from "i18next";

export const TIME_ZONE = "Asia/Jakarta";

function locale(): string {
  return i18next.language === "en" ? "en-GB" : "id-ID";
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** e.g. "22 Nov 2026, 14.05 WIB" */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "–";
  const text = new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
  return `${text} WIB`;
}

/** e.g. "22 November 2026" */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "–";
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A file size as people read it on a metered phone plan: "312 KB", "4,2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/**
 * Converts a calendar day picked in WIB ("2026-11-22") to the ISO instant at which that day
 * starts (or ends), so filters mean the same day the user sees.
 */
export function wibDayBoundary(day: string, edge: "start" | "end"): string {
  const time = edge === "start" ? "T00:00:00.000+07:00" : "T23:59:59.999+07:00";
  return new Date(day + time).toISOString();
}

/** A date known to the day ("12 September 2023") or only to the month ("September 2023"). */
export function formatPartialDate(value: string | null | undefined): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value ?? "");
  if (!month) return formatDate(value);
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15));
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, month: "long", year: "numeric" }).format(date);
}

/** Month names of the chosen language, January first. */
export function monthNames(): string[] {
  const format = new Intl.DateTimeFormat(locale(), { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(2000, index, 15))));
}
