// The console's own words for what the server writes for people (XLSX exports, notifications): read from
// the web app's translation files, so a spreadsheet or a notification says exactly what the screen says,
// in Indonesian by default and in English when the request asks for it. Dates in WIB, like the console.
import type { Locale } from "../../core/i18n/errors";
import en from "../../web/i18n/en.json" with { type: "json" };
import id from "../../web/i18n/id.json" with { type: "json" };

const DICTIONARIES: Record<Locale, unknown> = { id, en };

/**
 * The UI's text for a dotted key (`cases.service.type.legal_aid`), with `{{name}}` placeholders filled.
 * Falls back to Indonesian, then to `fallback` (or the key's last part), never to an empty cell.
 */
export function uiWord(locale: Locale, key: string, vars: Record<string, string | number> = {}, fallback?: string): string {
  const look = (dict: unknown) =>
    key
      .split(".")
      .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), dict);
  const found = look(DICTIONARIES[locale]) ?? look(DICTIONARIES.id);
  const text = typeof found === "string" ? found : (fallback ?? key.split(".").pop()!);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (name in vars ? String(vars[name]) : ""));
}

/** A translator bound to one locale. */
export function uiWords(locale: Locale) {
  return (key: string, vars?: Record<string, string | number>, fallback?: string) => uiWord(locale, key, vars, fallback);
}

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};
const dateTimeFormats = {
  id: new Intl.DateTimeFormat("id-ID", dateTimeOptions),
  en: new Intl.DateTimeFormat("en-GB", dateTimeOptions),
};

/** A moment as the console shows it: "22 Nov 2026, 14.05 WIB" (Asia/Jakarta). Empty for none. */
export function wibDateTime(locale: Locale, value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  return `${dateTimeFormats[locale].format(d)} WIB`;
}

/** The calendar day of a moment in Asia/Jakarta (YYYY-MM-DD), for date columns. */
export function wibDay(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}
