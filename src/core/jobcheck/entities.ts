/** Entity extraction for the result: companies, visa types, destinations. */
import type { Ctx } from "./context.js";
import { VISA_TYPES } from "./patterns.js";
import type { DestinationEntity } from "./types.js";

const COMPANY_RE =
  /(?<![\p{L}\p{N}])(PT|CV|LPK|Yayasan)\.?[ \t]+((?:(?:[A-Z][\p{L}'’&-]*|[A-Z]{2,}|&)[ \t]?){1,6})/gu;
const COMPANY_STOP = /\s+(?:P3MI|SIP2MI|SIP3MI|Lowongan|Membuka|Kami)\b.*$/u;

export function extractCompanies(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(COMPANY_RE)) {
    const body = m[2].replace(COMPANY_STOP, "").trim();
    if (body.length < 3) continue;
    const name = `${m[1]} ${body}`;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return out;
}

export function extractVisaTypes(lower: string): string[] {
  const out: string[] = [];
  for (const [re, label] of VISA_TYPES) {
    re.lastIndex = 0;
    if (re.test(lower) && !out.includes(label)) out.push(label);
  }
  return out;
}

export function destinations(ctx: Ctx): DestinationEntity[] {
  const out: DestinationEntity[] = [];
  for (const p of ctx.places) {
    const existing = out.find((d) => d.country === p.country);
    if (existing) {
      if (!existing.city && p.city) existing.city = p.city;
      continue;
    }
    out.push(p.city ? { country: p.country, city: p.city } : { country: p.country });
  }
  return out;
}
