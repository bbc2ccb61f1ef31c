// Turns schema validation issues into per-field, translated messages.
import type { FastifySchemaValidationError } from "fastify";
import { z } from "zod";
import { FIELD_MESSAGES, type FieldMessageCode, fieldMessage, type Locale } from "../../core/i18n/errors";
import type { FieldIssue } from "./errors";

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
