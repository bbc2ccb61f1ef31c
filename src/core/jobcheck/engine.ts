/** The job-offer checker: text in, level + flags + signals + entities + advice out. */
import { buildAdvice } from "./advice.js";
import { buildContext, type Ctx, inWarning, live } from "./context.js";
import { destinations, extractCompanies, extractLicences, extractVisaTypes } from "./entities.js";
import { toNormalised, toOriginal } from "./normalise.js";
import { FLAG_MESSAGES, SIGNAL_MESSAGES } from "./messages.js";
import {
  JOB_AD,
  JOB_CONTEXT,
  LICENSED,
  OFFICIAL_CHANNEL,
  OFFICIAL_PROGRAMME,
  PRE_DEPARTURE,
  SELF_CLAIM_BEFORE,
  SIGNAL_DISMISSED_AFTER,
  SIGNAL_NEGATED,
  WORK_VISA,
} from "./patterns.js";
import {
  debtBondage,
  documentRetention,
  fastDeparture,
  foreignOnlineJob,
  homeTaskJob,
  hotspot,
  irregularRoute,
  moratorium,
  noSkill,
  secrecy,
  type Span,
  touristVisa,
  underage,
  unlicensedRecruiter,
  unrealisticSalary,
  upfrontPersonal,
} from "./rules.js";
import { evidence, findAll } from "./text.js";
import {
  type AgencyHit,
  type AgencyStatus,
  type CheckOptions,
  FLAG_CODES,
  type FlagCode,
  JOB_TEXT_MAX,
  type JobCheckResult,
  type JobFlag,
  type JobSignal,
  JobTextError,
  type Level,
  type RegistryOutcome,
  type RegistryOutcomeCode,
  type SignalCode,
} from "./types.js";

const OUTCOME: Record<AgencyStatus, RegistryOutcomeCode> = {
  active: "licensed",
  suspended: "suspended",
  revoked: "revoked",
  expired: "expired",
};

/** Flags that alone make an offer high risk (TAXONOMY.md level guide). */
export const DECISIVE_FLAGS: ReadonlySet<FlagCode> = new Set<FlagCode>([
  "tourist_visa",
  "irregular_route",
  "document_retention",
  "underage_or_fake_identity",
  "moratorium_destination",
]);

const WEIGHT: Record<FlagCode, number> = {
  tourist_visa: 30,
  irregular_route: 30,
  document_retention: 30,
  underage_or_fake_identity: 30,
  moratorium_destination: 30,
  scam_hotspot_destination: 20,
  online_scam_job: 15,
  unrealistic_salary: 15,
  no_skill_required: 10,
  fast_departure: 12,
  unlicensed_recruiter: 10,
  debt_bondage: 15,
  secrecy: 15,
  upfront_payment_personal_account: 15,
};

export function levelFor(codes: readonly FlagCode[]): Level {
  if (codes.length === 0) return "rendah";
  if (codes.some((c) => DECISIVE_FLAGS.has(c))) return "tinggi";
  if (codes.includes("scam_hotspot_destination") && codes.includes("online_scam_job")) return "tinggi";
  if (codes.length >= 3) return "tinggi";
  return "sedang";
}

function scoreFor(level: Level, codes: readonly FlagCode[], signalCount: number): number {
  const raw = codes.reduce((s, c) => s + WEIGHT[c], 0);
  if (level === "tinggi") return Math.min(100, 70 + Math.round(raw / 6));
  if (level === "sedang") return Math.min(65, 35 + Math.round(raw / 2));
  return Math.max(0, 15 - 3 * signalCount);
}

function dedupe(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

function computeSignals(ctx: Ctx, extra: Partial<Record<SignalCode, Span[]>>): Map<SignalCode, Span[]> {
  const sig = new Map<SignalCode, Span[]>();
  const add = (code: SignalCode, spans: Span[]) => {
    if (spans.length > 0) sig.set(code, [...(sig.get(code) ?? []), ...spans]);
  };
  const affirmed = (re: RegExp) =>
    live(ctx, re).filter(
      (m) =>
        !SIGNAL_NEGATED.test(ctx.lower.slice(Math.max(0, m.start - 45), m.start)) &&
        !SIGNAL_DISMISSED_AFTER.test(ctx.lower.slice(m.end, m.end + 20)),
    );
  add("licensed_agency", affirmed(LICENSED));
  add("official_programme", affirmed(OFFICIAL_PROGRAMME));
  // "terdaftar di Kemnaker" written by the company itself is a claim, not the official channel.
  add(
    "official_channel",
    affirmed(OFFICIAL_CHANNEL).filter((m) => !SELF_CLAIM_BEFORE.test(ctx.lower.slice(Math.max(0, m.start - 30), m.start))),
  );
  add("work_visa", live(ctx, WORK_VISA));
  add("pre_departure_steps", live(ctx, PRE_DEPARTURE));
  for (const [k, v] of Object.entries(extra)) add(k as SignalCode, v ?? []);
  return sig;
}

function validate(text: unknown): string {
  if (typeof text !== "string") throw new JobTextError("not_text", "Teks lowongan harus berupa teks.");
  if (text.trim().length === 0) throw new JobTextError("empty", "Teks lowongan kosong.");
  if (text.length > JOB_TEXT_MAX) {
    throw new JobTextError("too_long", `Teks lowongan terlalu panjang (maksimal ${JOB_TEXT_MAX} karakter).`);
  }
  return text;
}

export function checkJobOffer(input: string, options: CheckOptions = {}): JobCheckResult {
  const text = validate(input);
  const ctx = buildContext(text);
  const companies = extractCompanies(text).map((c) => ({ ...c, ...toNormalised(ctx.norm, c.start, c.end) }));
  const ev = (s: Span) => {
    const o = toOriginal(ctx.norm, s.start, s.end);
    return evidence(text, o.start, o.end);
  };

  // Registry lookup: every company and licence number named gets an outcome. Licensed ones lower
  // the risk; suspended, revoked or expired ones, and unknown companies that claim a licence, raise it.
  const registryActive: Span[] = [];
  const registryBad: Span[] = [];
  const registry: RegistryOutcome[] = [];
  const record = (query: string, kind: RegistryOutcome["kind"], span: Span, hit: AgencyHit | undefined) => {
    const outcome = hit ? OUTCOME[hit.status] : "not_found";
    if (outcome === "licensed") registryActive.push(span);
    else if (hit) registryBad.push(span);
    const o = toOriginal(ctx.norm, span.start, span.end);
    registry.push({
      query,
      kind,
      outcome,
      ...(hit?.name ? { registeredName: hit.name } : {}),
      ...(hit?.licenceNumber ? { licenceNumber: hit.licenceNumber } : {}),
      ...(hit && hit.validUntil !== undefined ? { validUntil: hit.validUntil } : {}),
      evidence: [evidence(text, o.start, o.end)],
    });
    return outcome;
  };
  const unknownCompanies: Span[] = [];
  if (options.lookupAgency) {
    for (const c of companies) if (record(c.name, "company", c, options.lookupAgency(c.name)) === "not_found") unknownCompanies.push(c);
  }
  if (options.lookupLicence) {
    for (const l of extractLicences(text)) {
      record(l.number, "licence", { ...toNormalised(ctx.norm, l.start, l.end) }, options.lookupLicence(l.number));
    }
  }
  const signals = computeSignals(ctx, { licensed_agency: registryActive });
  const claimsLicence = live(ctx, LICENSED);
  // A named company that claims a licence the registry does not know: the company is the evidence,
  // not the word "P3MI" (which anyone can write).
  if (claimsLicence.length > 0 && registryActive.length === 0) registryBad.push(...unknownCompanies);
  if ((options.lookupAgency || options.lookupLicence) && registry.length > 0 && registryActive.length === 0) {
    signals.delete("licensed_agency");
  }
  const trusted = signals.has("licensed_agency") || signals.has("official_programme") || signals.has("official_channel");

  const found = new Map<FlagCode, Span[]>();
  let salary: ReturnType<typeof unrealisticSalary> | null = null;
  const jobContext = findAll(JOB_CONTEXT, ctx.lower).length > 0;
  if (!ctx.awareness) {
    const put = (code: FlagCode, spans: Span[]) => {
      if (spans.length > 0) found.set(code, dedupe(spans));
    };
    const hot = hotspot(ctx);
    const online = foreignOnlineJob(ctx, hot.length > 0);
    const homeTask = ctx.abroad ? [] : homeTaskJob(ctx);
    const category = online.length > 0 ? "office_online" : homeTask.length > 0 ? "home_task" : ctx.category;
    salary = unrealisticSalary(ctx, category, hot.length > 0);
    const pay = upfrontPersonal(ctx);
    put("tourist_visa", touristVisa(ctx));
    put("scam_hotspot_destination", hot);
    put("online_scam_job", ctx.abroad ? online : pay.length > 0 || salary.spans.length > 0 ? homeTask : []);
    put("unrealistic_salary", salary.spans);
    if (!trusted) put("no_skill_required", noSkill(ctx));
    put("irregular_route", irregularRoute(ctx));
    put("document_retention", documentRetention(ctx));
    put("fast_departure", fastDeparture(ctx));
    put("debt_bondage", debtBondage(ctx));
    put("secrecy", secrecy(ctx));
    put("upfront_payment_personal_account", pay);
    put("underage_or_fake_identity", underage(ctx));
    put("moratorium_destination", moratorium(ctx));
    if (!jobContext) found.delete("tourist_visa"); // a travel-agency ad selling umrah visas is not a job offer
    if (ctx.abroad && !trusted) {
      const rec = unlicensedRecruiter(ctx);
      const riskFlags = [...found.keys()].filter((c) => c !== "unrealistic_salary");
      const offer = jobContext && (ctx.money.some((m) => m.kind === "salary") || findAll(JOB_AD, ctx.lower).length > 0);
      if (rec.personal && (jobContext || found.size > 0 || (!rec.organisation && offer))) {
        found.set("unlicensed_recruiter", dedupe(rec.spans));
      } else if (!rec.organisation && riskFlags.length > 0 && jobContext) {
        // Red flags and no company, agency or office named at all: whoever sent it recruits privately.
        // The evidence is the payment to a person, or else the offer itself.
        const pay = found.get("upfront_payment_personal_account") ?? [];
        const ad = findAll(JOB_CONTEXT, ctx.lower).filter((m) => !inWarning(ctx, m.start));
        const spans = pay.length > 0 ? pay : ad.slice(0, 1);
        if (spans.length > 0) found.set("unlicensed_recruiter", dedupe(spans));
      }
    }
    if (registryBad.length > 0) found.set("unlicensed_recruiter", dedupe([...(found.get("unlicensed_recruiter") ?? []), ...registryBad]));
  }

  const codes = FLAG_CODES.filter((c) => found.has(c));
  if (!ctx.awareness && codes.length === 0) {
    if (salary && salary.maxSalary !== null && salary.spans.length === 0) {
      const s = ctx.money.find((m) => m.kind === "salary");
      if (s) signals.set("realistic_pay", [s]);
    }
    if (!ctx.abroad) signals.set("domestic_job", []);
  }
  const level = levelFor(codes);
  const flags: JobFlag[] = codes.map((code) => ({
    code,
    ...FLAG_MESSAGES[code],
    evidence: (found.get(code) ?? []).map(ev),
  }));
  const signalList: JobSignal[] = [...signals.entries()].map(([code, spans]) => ({
    code,
    ...SIGNAL_MESSAGES[code],
    evidence: dedupe(spans).map(ev),
  }));
  const advice = buildAdvice(level, codes);
  return {
    level,
    score: scoreFor(level, codes, signalList.length),
    flags,
    signals: signalList,
    entities: {
      phones: [...new Set(ctx.phones.map((p) => p.e164))],
      money: ctx.money.map((m) => {
        const o = toOriginal(ctx.norm, m.start, m.end);
        return { ...m, text: text.slice(o.start, o.end).trim(), start: o.start, end: o.end };
      }),
      destinations: destinations(ctx),
      companies: companies.map((c) => c.name),
      visaTypes: extractVisaTypes(ctx.lower),
    },
    advice: advice.id,
    adviceEn: advice.en,
    awareness: ctx.awareness,
    registry,
  };
}
