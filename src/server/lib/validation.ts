// Turns schema validation issues into per-field, translated messages, and holds the input building blocks
// (safe text, real dates) and the request guard that keep malformed text and dates out of the database.
import type { FastifyInstance, FastifySchemaValidationError } from "fastify";
import { z } from "zod";
import { FIELD_MESSAGES, type FieldMessageCode, fieldMessage, type Locale } from "../../core/i18n/errors";
import { AppError, type FieldIssue } from "./errors";

function isFieldCode(s: unknown): s is FieldMessageCode {
  return typeof s === "string" && Object.hasOwn(FIELD_MESSAGES, s);
}

export function issueOf(v: FastifySchemaValidationError): FieldIssue {
  const p = (v.params ?? {}) as Record<string, any>;
  if (isFieldCode(v.message)) return { code: v.message };
  switch (v.keyword) {
    case "invalid_type":
      return /received undefined|required/i.test(v.message ?? "") ? { code: "required" } : { code: "invalid_type" };
    case "too_small":
      if (p.origin === "string") return Number(p.minimum) <= 1 ? { code: "required" } : { code: "too_short", params: { min: p.minimum } };
      if (p.origin === "array" || p.origin === "set") return { code: "too_few_items", params: { min: p.minimum } };
      return { code: "too_small", params: { min: p.minimum } };
    case "too_big":
      if (p.origin === "string") return { code: "too_long", params: { max: p.maximum } };
      if (p.origin === "array" || p.origin === "set") return { code: "too_many_items", params: { max: p.maximum } };
      return { code: "too_big", params: { max: p.maximum } };
    case "invalid_format":
      if (p.format === "email") return { code: "invalid_email" };
      if (p.format === "uuid" || p.format === "guid") return { code: "invalid_uuid" };
      return { code: "invalid_format" };
    case "invalid_value":
    case "invalid_union":
      return { code: "invalid_value" };
    case "unrecognized_keys":
      return { code: "unknown_field" };
    default:
      return { code: "invalid" };
  }
}

export function fieldPathOf(v: FastifySchemaValidationError): string {
  const p = (v.params ?? {}) as Record<string, any>;
  const base = (v.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
  if (v.keyword === "unrecognized_keys" && Array.isArray(p.keys) && p.keys.length) return base ? `${base}.${p.keys[0]}` : String(p.keys[0]);
  return base || "_";
}

export function translateFields(fields: Record<string, FieldIssue>, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, issue] of Object.entries(fields)) out[k] = fieldMessage(issue.code, locale, issue.params);
  return out;
}

/** The `:id` path parameter of a record route. */
export const IdParam = z.object({ id: z.string().uuid() });
// ---- Shared input building blocks: every route schema builds its text and date fields from these. ----

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and UTF-16 surrogates
 * that are not part of a pair. PostgreSQL refuses NUL in text, and lone surrogates cannot be encoded
 * as UTF-8: both used to reach the database and answer 500.
 */
const UNSAFE_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnsafeChars(s: string): boolean {
  return UNSAFE_CHARS.test(s);
}

/** A string without NUL, other control characters (tab and line breaks allowed) or lone surrogates. */
export function safeString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((s) => !hasUnsafeChars(s), { message: "invalid_characters" satisfies FieldMessageCode });
}

/** Trimmed, non-empty safe text of at most `max` characters. */
export function safeText(max: number) {
  return safeString().trim().min(1).max(max);
}

/** Years a date field may carry: wide enough for birth dates and old decrees, narrow enough to catch typos. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < DATE_YEARS.min || y > DATE_YEARS.max || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30, no month 13), years 1900–2100. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** "YYYY-MM-DD" or "YYYY-MM" (only the month is known), checked like isIsoDate. */
export function isIsoDateOrMonth(s: string): boolean {
  const m = MONTH_RE.exec(s);
  return m ? isRealDate(Number(m[1]), Number(m[2]), 1) : isIsoDate(s);
}

/** "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]" with a real date, a real time of day and a real offset. */
export function isIsoDateTime(s: string): boolean {
  const m = DATETIME_RE.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return false;
  return m[8] === undefined || (Number(m[8]) <= 14 && Number(m[9]) <= 59);
}

const dateMessage = { message: "invalid_date" satisfies FieldMessageCode };

/** A date field (YYYY-MM-DD), refused with "invalid_date" when the day does not exist. */
export function calendarDate() {
  return z.string().max(10).refine(isIsoDate, dateMessage);
}

/** A date or a month (YYYY-MM-DD or YYYY-MM). */
export function calendarDateOrMonth() {
  return z.string().max(10).refine(isIsoDateOrMonth, dateMessage);
}

/** A date and time (ISO 8601; without an offset the caller's code decides the zone). */
export function calendarDateTime() {
  return z.string().max(40).refine(isIsoDateTime, dateMessage);
}

/** A query bound as a Date: a date (midnight UTC) or a date and time, parsed only when it is real. */
export function dateBound() {
  return z
    .string()
    .max(40)
    .refine((s) => isIsoDate(s) || isIsoDateTime(s), dateMessage)
    .transform((s) => new Date(s));
}

// ---- The guard every request passes: query, params and JSON body, before the route's own schema. ----

/** The path of the first string (or object key) with unsafe characters, e.g. "people.0.name"; undefined when clean. */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === "string") return hasUnsafeChars(value) ? path.join(".") || "_" : undefined;
  if (value === null || typeof value !== "object" || depth > 32) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (hasUnsafeChars(k)) return [...path, "_"].join(".");
    const hit = findUnsafeText(v, [...path, k], depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Refuses NUL, control characters and lone surrogates anywhere in the query string, the path
 * parameters or a JSON body with 400 validation_failed, even in a field a schema forgot.
 * Runs after route-level access, so a refused caller still learns nothing.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    for (const part of [req.params, req.query, req.body]) {
      const hit = findUnsafeText(part);
      if (hit !== undefined) throw new AppError("validation_failed", { [hit]: { code: "invalid_characters" } });
    }
  });
}
