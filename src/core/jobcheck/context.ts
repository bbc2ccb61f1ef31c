/** Analysis context shared by the rules: sentences, warning context, places, money, phones. */
import { ABROAD_GENERIC, CATEGORY_RES, findPlaces, MIDDLE_EAST_GENERIC, type PlaceHit } from "./lexicon.js";
import { extractMoney } from "./money.js";
import { JOB_AD, NEGATED_BEFORE, PERSONAL_CTA, PILGRIM_VISA, REMOTE_FROM_HOME, VISA_ANY, WARN_CUE } from "./patterns.js";
import { type Normalised, normalise } from "./normalise.js";
import { extractPhones, type PhoneMatch } from "./phones.js";
import type { JobCategory } from "./reference-pay.js";
import { findAll, lowerSameLength, type Match, type Sentence, sentenceAt, splitSentences } from "./text.js";
import type { MoneyEntity } from "./types.js";

export interface Ctx {
  /** The input as given. Offsets in the context refer to `lower`, not to this text. */
  text: string;
  /** Lower-cased and normalised text (abbreviations, regional words): every rule reads this. */
  lower: string;
  /** Maps spans of `lower` back to `text`. */
  norm: Normalised;
  sentences: Sentence[];
  warnSentence: boolean[];
  awareness: boolean;
  places: PlaceHit[];
  /** Job destinations (non-transit places). */
  countries: Set<string>;
  primaryCountry: string | null;
  middleEastGeneric: Match[];
  abroad: boolean;
  category: JobCategory;
  money: MoneyEntity[];
  phones: PhoneMatch[];
  mobilePhones: PhoneMatch[];
}

/** Is the match at [start, …) negated by a word shortly before it in the same sentence? */
export function isNegated(ctx: Ctx, start: number): boolean {
  const s = ctx.sentences[sentenceAt(ctx.sentences, start)];
  const from = Math.max(s ? s.start : 0, start - 28);
  return NEGATED_BEFORE.test(ctx.lower.slice(from, start));
}

export function inWarning(ctx: Ctx, start: number): boolean {
  return ctx.warnSentence[sentenceAt(ctx.sentences, start)] === true;
}

/** Matches of `re` that are neither negated nor in a warning sentence. */
export function live(ctx: Ctx, re: RegExp, opts: { negation?: boolean; warning?: boolean } = {}): Match[] {
  const { negation = true, warning = true } = opts;
  return findAll(re, ctx.lower).filter((m) => !(negation && isNegated(ctx, m.start)) && !(warning && inWarning(ctx, m.start)));
}

function detectCategory(ctx: Ctx): JobCategory {
  // CATEGORY_RES is in priority order: the first category with a live mention wins.
  for (const [cat, re] of CATEGORY_RES) {
    if (findAll(re, ctx.lower).some((m) => !isNegated(ctx, m.start) && !inWarning(ctx, m.start))) return cat;
  }
  return "general";
}

export function buildContext(text: string): Ctx {
  const norm = normalise(lowerSameLength(text));
  const lower = norm.text;
  const sentences = splitSentences(lower);
  const warnSentence = sentences.map((s) => {
    WARN_CUE.lastIndex = 0;
    return WARN_CUE.test(lower.slice(s.start, s.end));
  });
  const places = findPlaces(lower);
  const phones = extractPhones(lower);
  const mobilePhones = phones.filter((p) => p.mobile);

  const ctx: Ctx = {
    text,
    lower,
    norm,
    sentences,
    warnSentence,
    awareness: false,
    places,
    countries: new Set(),
    primaryCountry: null,
    middleEastGeneric: [],
    abroad: false,
    category: "general",
    money: [],
    phones,
    mobilePhones,
  };

  // Awareness: warning cues and no personal call to action.
  const warnCount = findAll(WARN_CUE, lower).length;
  const cta = mobilePhones.length > 0 || findAll(PERSONAL_CTA, lower).some((m) => !inWarning(ctx, m.start));
  JOB_AD.lastIndex = 0;
  const jobAd = JOB_AD.test(lower);
  ctx.awareness = !cta && warnCount >= 1 && (warnCount >= 2 || !jobAd);

  const dest = places.filter((p) => !p.transit && !inWarning(ctx, p.start));
  const destOrAll = dest.length > 0 ? dest : places.filter((p) => !inWarning(ctx, p.start));
  for (const p of destOrAll) ctx.countries.add(p.country);
  ctx.primaryCountry = destOrAll.find((p) => p.hotspot)?.country ?? destOrAll[0]?.country ?? null;
  ctx.middleEastGeneric = findAll(MIDDLE_EAST_GENERIC, lower).filter((m) => !inWarning(ctx, m.start));
  const abroadGeneric = findAll(ABROAD_GENERIC, lower).some((m) => !inWarning(ctx, m.start));
  // A visa (tourist, umrah, work…) always means travel abroad.
  const visa = findAll(VISA_ANY, lower).some((m) => !inWarning(ctx, m.start));
  ctx.abroad = ctx.countries.size > 0 || abroadGeneric || ctx.middleEastGeneric.length > 0 || visa;
  // Umrah/ziarah visas point to the Middle East even without a country name.
  ctx.middleEastGeneric.push(...findAll(PILGRIM_VISA, lower).filter((m) => !inWarning(ctx, m.start)));
  // "Remote job for a brand abroad, work from home" is home-based work, not migration.
  if (ctx.countries.size === 0 && !visa && findAll(REMOTE_FROM_HOME, lower).some((m) => !isNegated(ctx, m.start))) {
    ctx.abroad = false;
  }
  ctx.category = detectCategory(ctx);
  ctx.money = extractMoney(lower, lower, { countries: ctx.countries });
  // Pay in a foreign currency means the job is abroad even when no country is named.
  if (ctx.money.some((m) => m.kind === "salary" && m.currency !== "IDR" && !inWarning(ctx, m.start))) ctx.abroad = true;
  return ctx;
}
