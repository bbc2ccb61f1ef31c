/** Phone number extraction and E.164 normalisation. */

export interface PhoneMatch {
  e164: string;
  start: number;
  end: number;
  /** Indonesian mobile number (personal WhatsApp style contact). */
  mobile: boolean;
}

// Indonesian mobile: 08xx…, 62 8xx…, +62 8xx… with optional separators.
const MOBILE_ID = /(?<![\d+])(?:\+\s?62|62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?![\d])/g;
// Other international numbers: +CC …
const INTL = /(?<![\d+])\+\s?(?!62)(\d{1,3})(?:[\s.-]?\d){7,12}(?![\d])/g;
// Indonesian landlines: (021) 555-1234, 0254-123456; only taken with a phone cue before them.
const LANDLINE = /(?<!\d)\(?0(?:2[1-9]|[3-7]\d)\d?\)?[\s.-]?\d{3,4}[\s.-]?\d{2,5}(?!\d)/g;
const LANDLINE_CUE = /(?:tel|telp|telepon|phone|fax|kantor|hub|hubungi|call)[^\n]{0,12}$/;

function digits(s: string): string {
  return s.replace(/\D/g, "");
}

export function toE164(raw: string): string | null {
  let d = digits(raw);
  if (raw.trim().startsWith("+")) return d.length >= 8 ? `+${d}` : null;
  if (d.startsWith("0")) d = `62${d.slice(1)}`;
  if (!d.startsWith("62")) return null;
  if (d.length < 10 || d.length > 15) return null;
  return `+${d}`;
}

export function extractPhones(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  for (const m of text.matchAll(MOBILE_ID)) {
    const e164 = toE164(m[0]);
    if (!e164) continue;
    const start = m.index;
    const end = start + m[0].length;
    out.push({ e164, start, end, mobile: true });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(INTL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const e164 = toE164(m[0]);
    if (!e164) continue;
    out.push({ e164, start, end, mobile: false });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(LANDLINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    if (/^\(?0800/.test(m[0])) continue; // toll-free official lines
    const before = text.slice(Math.max(0, start - 20), start).toLowerCase();
    if (!LANDLINE_CUE.test(before)) continue;
    const e164 = toE164(m[0]);
    if (!e164) continue;
    out.push({ e164, start, end, mobile: false });
    taken.push([start, end]);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
