/** Red-flag rules. Each returns the evidence spans that triggered it (empty = not triggered). */
import { type Ctx, inWarning, isNegated, live } from "./context.js";
import { MORATORIUM_COUNTRIES } from "../destinations.js";
import { HOTSPOT_COUNTRIES } from "./lexicon.js";
import {
  DEBT_BONDAGE,
  DOC_EN,
  DOC_HOLDER,
  DOC_OWN,
  DOC_SUBJECT,
  DOC_VERB,
  DOMESTIC_WORK,
  FAST_DEPARTURE,
  FEE_WORD,
  FOREIGN_ONLINE_JOB,
  HOME_TASK_JOB,
  HOTSPOT_OFFICE_JOB,
  IRREGULAR_ROUTE,
  NO_SKILL,
  NO_SKILL_BUT,
  ORGANISATION,
  PERSONAL_ACCOUNT,
  PERSONAL_CTA,
  RECRUITER_WORDS,
  ROUTE_HUB,
  ROUTE_MOVE,
  SECRECY,
  SKILL_REQUIRED,
  TOURIST_VISA,
  UNDERAGE,
  VAGUE_HIGH_PAY,
} from "./patterns.js";
import { HOTSPOT_CEILING_IDR, type JobCategory, payCeilingIdr, skilledCeilingIdr } from "./reference-pay.js";
import { findAll, type Match, sentenceAt } from "./text.js";

export type Span = Pick<Match, "start" | "end">;

const NUM_WORDS: Record<string, number> = {
  se: 1,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
};

function sentenceText(ctx: Ctx, pos: number): string {
  const s = ctx.sentences[sentenceAt(ctx.sentences, pos)];
  return s ? ctx.lower.slice(s.start, s.end) : "";
}

export function touristVisa(ctx: Ctx): Span[] {
  return live(ctx, TOURIST_VISA);
}

export function hotspot(ctx: Ctx): Span[] {
  return ctx.places.filter((p) => (p.hotspot || HOTSPOT_COUNTRIES.has(p.country)) && !inWarning(ctx, p.start));
}

export function foreignOnlineJob(ctx: Ctx, inHotspot: boolean): Span[] {
  if (!ctx.abroad) return [];
  const hits = live(ctx, FOREIGN_ONLINE_JOB);
  if (hits.length > 0 || !inHotspot) return hits;
  return live(ctx, HOTSPOT_OFFICE_JOB, { negation: false });
}

export function homeTaskJob(ctx: Ctx): Span[] {
  return live(ctx, HOME_TASK_JOB);
}

/** The offer asks for real qualifications (and does not also say none are needed). */
export function skilled(ctx: Ctx): boolean {
  if (live(ctx, NO_SKILL, { negation: false }).length > 0) return false;
  return live(ctx, SKILL_REQUIRED).length > 0;
}

export interface SalaryVerdict {
  spans: Span[];
  ceiling: number;
  maxSalary: number | null;
}

export function unrealisticSalary(ctx: Ctx, category: JobCategory, isHotspot: boolean): SalaryVerdict {
  let ceiling = payCeilingIdr(ctx.primaryCountry, category, ctx.abroad);
  // Skill-aware: an employer asking for a degree, years of experience or a licence pays skilled rates.
  if (!isHotspot && category !== "office_online" && category !== "home_task" && skilled(ctx)) {
    ceiling = Math.max(ceiling, skilledCeilingIdr(ctx.primaryCountry));
  }
  if (isHotspot) ceiling = Math.min(ceiling, HOTSPOT_CEILING_IDR);
  const salaries = ctx.money.filter((m) => m.kind === "salary" && m.idrPerMonth !== null && !inWarning(ctx, m.start));
  let maxSalary: number | null = null;
  const spans: Span[] = [];
  for (const m of salaries) {
    const v = m.idrPerMonth as number;
    maxSalary = Math.max(maxSalary ?? 0, v);
    if (v > ceiling) spans.push({ start: m.start, end: m.end });
  }
  if (ctx.abroad || category === "home_task") {
    for (const v of live(ctx, VAGUE_HIGH_PAY)) spans.push(v);
  }
  return { spans, ceiling, maxSalary };
}

export function noSkill(ctx: Ctx): Span[] {
  if (!ctx.abroad) return [];
  return live(ctx, NO_SKILL, { negation: false }).filter((m) => {
    const after = ctx.lower.slice(m.end, m.end + 60);
    return !NO_SKILL_BUT.test(after);
  });
}

export function irregularRoute(ctx: Ctx): Span[] {
  const out: Span[] = live(ctx, IRREGULAR_ROUTE, { negation: false });
  const crossing = ctx.countries.has("MY") || ctx.countries.has("SG") || ctx.countries.has("BN") || ctx.abroad;
  if (crossing) {
    for (const h of live(ctx, ROUTE_HUB)) {
      if (ROUTE_MOVE.test(sentenceText(ctx, h.start))) out.push(h);
    }
  }
  return out;
}

export function documentRetention(ctx: Ctx): Span[] {
  const out: Span[] = [];
  for (const subj of live(ctx, DOC_SUBJECT, { negation: false })) {
    const s = ctx.sentences[sentenceAt(ctx.sentences, subj.start)];
    const windowEnd = Math.min(s.end, subj.end + 45);
    const win = ctx.lower.slice(subj.end, windowEnd);
    const v = DOC_VERB.exec(win);
    if (!v) continue;
    const verbStart = subj.end + v.index;
    const verbEnd = verbStart + v[0].length;
    if (isNegated(ctx, verbStart)) continue;
    if (/(?:tidak|tdk|gak|ga|bukan|nggak|jangan|jgn)\s*$/.test(ctx.lower.slice(subj.end, verbStart))) continue;
    const rest = ctx.lower.slice(verbEnd, Math.min(s.end, verbEnd + 40));
    if (DOC_OWN.test(rest)) continue;
    const span = ctx.lower.slice(subj.start, Math.min(s.end, verbEnd + 40));
    DOC_HOLDER.lastIndex = 0;
    const strongVerb = /tahan|sita/.test(v[0]);
    if (!strongVerb && !DOC_HOLDER.test(span)) continue;
    out.push({ start: subj.start, end: verbEnd });
  }
  for (const m of live(ctx, DOC_EN)) out.push(m);
  return out;
}

function toDays(numWord: string, unit: string): number {
  const n = /^\d+$/.test(numWord) ? Number(numWord) : (NUM_WORDS[numWord] ?? 99);
  if (/^(minggu|mg|pekan|week)/.test(unit)) return n * 7;
  if (/^bulan/.test(unit)) return n * 30;
  return n;
}

export function fastDeparture(ctx: Ctx): Span[] {
  return live(ctx, FAST_DEPARTURE, { negation: false }).filter((m) => {
    const t = ctx.lower.slice(m.start, m.end);
    const d =
      /(\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se) ?(hari|hr|dinten|days?|minggu|mg|pekan|weeks?)/.exec(t);
    if (!d) return true;
    return toDays(d[1], d[2]) <= 31;
  });
}

export function debtBondage(ctx: Ctx): Span[] {
  return live(ctx, DEBT_BONDAGE);
}

export function secrecy(ctx: Ctx): Span[] {
  return findAll(SECRECY, ctx.lower).filter((m) => !/komen|coment|comment/.test(ctx.lower.slice(m.start, m.end + 12)));
}

export function upfrontPersonal(ctx: Ctx): Span[] {
  return live(ctx, PERSONAL_ACCOUNT, { negation: false }).filter((m) => {
    const before = ctx.lower.slice(Math.max(0, m.start - 90), m.end);
    return FEE_WORD.test(before) && !isNegated(ctx, m.start);
  });
}

export function underage(ctx: Ctx): Span[] {
  return live(ctx, UNDERAGE);
}

const MORATORIUM: ReadonlySet<string> = new Set(MORATORIUM_COUNTRIES);

export function moratorium(ctx: Ctx): Span[] {
  const me = ctx.places.filter((p) => MORATORIUM.has(p.country) && !p.transit && !inWarning(ctx, p.start));
  const dest: Span[] = [...me, ...ctx.middleEastGeneric];
  if (dest.length === 0) return [];
  const work = live(ctx, DOMESTIC_WORK);
  if (work.length === 0) return [];
  return [work[0], dest[0]];
}

export interface RecruiterVerdict {
  spans: Span[];
  personal: boolean;
  organisation: boolean;
}

export function unlicensedRecruiter(ctx: Ctx): RecruiterVerdict {
  const spans: Span[] = [];
  for (const p of ctx.mobilePhones) if (!inWarning(ctx, p.start)) spans.push(p);
  for (const m of live(ctx, PERSONAL_CTA, { negation: false })) spans.push(m);
  for (const m of live(ctx, RECRUITER_WORDS, { negation: false })) spans.push(m);
  const organisation = findAll(ORGANISATION, ctx.lower).some((m) => !isNegated(ctx, m.start));
  spans.sort((a, b) => a.start - b.start);
  return { spans, personal: spans.length > 0, organisation };
}
