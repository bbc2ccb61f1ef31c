/** Entity extraction for the result: companies, visa types, destinations. */
import type { Ctx } from "./context.js";
import { VISA_TYPES } from "./patterns.js";
import type { DestinationEntity } from "./types.js";

const COMPANY_RE = /(?<![\p{L}\p{N}])(PT|CV|LPK|Yayasan)\.?[ \t]+((?:(?:[A-Z][\p{L}'’&-]*|[A-Z]{2,}|&)[ \t]?){1,6})/gu;
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

/**
 * Company licence numbers written in the text: "SIP3MI No. 123/2024", "izin P3MI nomor B.45/2025".
 * SIP2MI (a job order's recruitment permit) is not a company licence and is not looked up. The
 * number must hold a digit; the cue word itself is not part of it.
 */
const LICENCE_RE =
  /(?<![\p{L}\p{N}])(?:sip3mi|siup ?p3mi|siup ?pak|izin(?: usaha)? p3mi|nomor izin|licen[cs]e)\s*(?:no\.?|nomor|number|nr\.?)?\s*[:.]?\s*([A-Za-z0-9][A-Za-z0-9./-]{2,40})/giu;

export function extractLicences(text: string): { number: string; start: number; end: number }[] {
  const out: { number: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(LICENCE_RE)) {
    const number = m[1].replace(/[./-]+$/, "");
    if (!/\d/.test(number) || number.length < 3) continue;
    const start = (m.index ?? 0) + m[0].length - m[1].length;
    if (out.some((o) => o.number === number)) continue;
    out.push({ number, start, end: start + number.length });
  }
  return out;
}
