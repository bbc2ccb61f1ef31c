// The village risk rule: a pure, documented function so the server, the web app and the printed
// reports give the same level and the same reason for it. Every input is returned with the result.
//
// Rule (per desa, for the most recent period that has any figure):
//   Tinggi (high)   if at least 1 trafficking victim, or at least 10 non-procedural departures.
//   Sedang (medium) otherwise, if at least 3 non-procedural departures, or at least 3 passport
//                   postponements, or at least 2 reports received, or at least 50 residents working abroad.
//   Rendah (low)    otherwise, when at least one figure is known.
//   Belum dinilai (unknown) when no figure is known for any period: a missing figure is not a zero.
// Victims weigh most because one victim proves recruiters are active in the village; non-procedural
// departures are the programme's main warning sign; the rest are early signals.

export const RISK_LEVELS = ["high", "medium", "low", "unknown"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const INDICATOR_KEYS = [
  "residentsAbroad",
  "nonProceduralDepartures",
  "victims",
  "passportPostponements",
  "reportsReceived",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_LABELS: Record<IndicatorKey, { id: string; en: string; unitId: string; unitEn: string }> = {
  residentsAbroad: {
    id: "Warga bekerja di luar negeri",
    en: "Residents working abroad",
    unitId: "warga bekerja di luar negeri",
    unitEn: "residents working abroad",
  },
  nonProceduralDepartures: {
    id: "Keberangkatan non-prosedural",
    en: "Non-procedural departures",
    unitId: "keberangkatan non-prosedural",
    unitEn: "non-procedural departures",
  },
  victims: { id: "Korban TPPO", en: "Trafficking victims", unitId: "korban", unitEn: "victims" },
  passportPostponements: {
    id: "Penundaan paspor",
    en: "Passport postponements",
    unitId: "penundaan paspor",
    unitEn: "passport postponements",
  },
  reportsReceived: { id: "Pengaduan diterima", en: "Reports received", unitId: "pengaduan", unitEn: "reports received" },
};

export const RISK_LABELS: Record<RiskLevel, { id: string; en: string }> = {
  high: { id: "Tinggi", en: "High" },
  medium: { id: "Sedang", en: "Medium" },
  low: { id: "Rendah", en: "Low" },
  unknown: { id: "Belum dinilai", en: "Not assessed" },
};

/** Thresholds of the rule, exported so the UI can print the rule next to the level. */
export const RISK_THRESHOLDS = {
  high: { victims: 1, nonProceduralDepartures: 10 },
  medium: { nonProceduralDepartures: 3, passportPostponements: 3, reportsReceived: 2, residentsAbroad: 50 },
} as const satisfies { high: Partial<Record<IndicatorKey, number>>; medium: Partial<Record<IndicatorKey, number>> };

export const RISK_RULE_TEXT = {
  id:
    "Tinggi: ada ≥1 korban TPPO atau ≥10 keberangkatan non-prosedural. Sedang: ≥3 keberangkatan non-prosedural, ≥3 penundaan paspor, " +
    "≥2 pengaduan, atau ≥50 warga bekerja di luar negeri. Rendah: selain itu. Dinilai dari periode terbaru yang memiliki data; " +
    "angka yang tidak diketahui tidak dianggap nol.",
  en:
    "High: ≥1 trafficking victim or ≥10 non-procedural departures. Medium: ≥3 non-procedural departures, ≥3 passport postponements, " +
    "≥2 reports, or ≥50 residents working abroad. Low: otherwise. Assessed on the latest period with data; unknown figures do not count as zero.",
};

/** A period is a year ("2025") or a semester ("2025-S1", "2025-S2"). */
export const PERIOD_PATTERN = /^(\d{4})(?:-S([12]))?$/;

export function isPeriod(s: string): boolean {
  return PERIOD_PATTERN.test(s);
}

export function periodLabel(period: string, locale: "id" | "en" = "id"): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return period;
  if (!m[2]) return m[1]!;
  return locale === "id" ? `semester ${m[2]} ${m[1]}` : `semester ${m[2]} of ${m[1]}`;
}

/** Orders periods in time; a year sorts after its own semesters (it covers the whole year). */
export function comparePeriods(a: string, b: string): number {
  const key = (p: string) => {
    const m = PERIOD_PATTERN.exec(p);
    return m ? Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 3) : 0;
  };
  return key(a) - key(b);
}

export type IndicatorFigures = Partial<Record<IndicatorKey, number | null>>;
export type PeriodFigures = { period: string; figures: IndicatorFigures };

export type RiskAssessment = {
  level: RiskLevel;
  /** The period assessed (null when there is no data). */
  period: string | null;
  /** The figures the rule read, including the ones that did not trigger it (null = unknown). */
  inputs: Record<IndicatorKey, number | null>;
  /** The figures that decided the level, in the order of the rule. */
  triggers: IndicatorKey[];
  reason: string;
  reasonEn: string;
};

const hasFigure = (f: IndicatorFigures) => INDICATOR_KEYS.some((k) => typeof f[k] === "number");

function joinList(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}`;
}

/** Assesses one period's figures. */
export function assessPeriod(period: string, figures: IndicatorFigures): RiskAssessment {
  const inputs = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, typeof figures[k] === "number" ? figures[k] : null])) as Record<
    IndicatorKey,
    number | null
  >;
  const meets = (rule: Partial<Record<IndicatorKey, number>>) =>
    (Object.keys(rule) as IndicatorKey[]).filter((k) => inputs[k] !== null && (inputs[k] as number) >= (rule[k] as number));
  if (!hasFigure(figures)) {
    return {
      level: "unknown",
      period,
      inputs,
      triggers: [],
      reason: `Belum dinilai karena belum ada data indikator pada ${periodLabel(period)}`,
      reasonEn: `Not assessed: no indicator figures for ${periodLabel(period, "en")}`,
    };
  }
  // Victims first: they are what the sentence should lead with.
  const order: IndicatorKey[] = ["nonProceduralDepartures", "victims", "passportPostponements", "reportsReceived", "residentsAbroad"];
  const sorted = (keys: IndicatorKey[]) => order.filter((k) => keys.includes(k));
  const high = sorted(meets(RISK_THRESHOLDS.high));
  const medium = sorted(meets(RISK_THRESHOLDS.medium));
  const level: RiskLevel = high.length ? "high" : medium.length ? "medium" : "low";
  const triggers = level === "high" ? high : level === "medium" ? medium : [];
  const say = (keys: IndicatorKey[], locale: "id" | "en") =>
    joinList(
      keys.map((k) => `${inputs[k]} ${locale === "id" ? INDICATOR_LABELS[k].unitId : INDICATOR_LABELS[k].unitEn}`),
      locale === "id" ? "dan" : "and",
    );
  let reason: string;
  let reasonEn: string;
  if (level === "low") {
    const known = order.filter((k) => inputs[k] !== null);
    reason = `Rendah karena ${say(known, "id")} pada ${periodLabel(period)}, di bawah ambang risiko sedang`;
    reasonEn = `Low: ${say(known, "en")} in ${periodLabel(period, "en")}, below the medium-risk thresholds`;
  } else {
    reason = `${RISK_LABELS[level].id} karena ${say(triggers, "id")} pada ${periodLabel(period)}`;
    reasonEn = `${RISK_LABELS[level].en} because of ${say(triggers, "en")} in ${periodLabel(period, "en")}`;
  }
  return { level, period, inputs, triggers, reason, reasonEn };
}

/** Assesses a village from its periods: the latest period that has any figure decides. */
export function assessVillage(periods: PeriodFigures[]): RiskAssessment {
  const withData = periods.filter((p) => hasFigure(p.figures)).sort((a, b) => comparePeriods(b.period, a.period));
  const latest = withData[0];
  if (!latest) {
    return {
      level: "unknown",
      period: null,
      inputs: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as Record<IndicatorKey, number | null>,
      triggers: [],
      reason: "Belum dinilai karena belum ada data indikator",
      reasonEn: "Not assessed: no indicator figures yet",
    };
  }
  return assessPeriod(latest.period, latest.figures);
}
