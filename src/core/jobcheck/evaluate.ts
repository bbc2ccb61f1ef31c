/** Quality metrics for labelled examples. Pure: no I/O. */
import { FLAG_CODES, type FlagCode, type Level } from "./types.js";

export interface LabelledExample {
  id: string;
  text: string;
  level: Level;
  flags: string[];
}

export interface Prediction {
  level: Level;
  flags: { code: string }[] | string[];
}

export interface PerFlag {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Metrics {
  n: number;
  tinggiRecall: number;
  rendahToTinggi: number;
  rendahToSedangPlus: number;
  flagMicroF1: number;
  flagPrecision: number;
  flagRecall: number;
  levelAccuracy: number;
  /** confusion[gold][predicted] */
  confusion: Record<Level, Record<Level, number>>;
  perFlag: Record<FlagCode, PerFlag>;
}

const LEVELS: Level[] = ["tinggi", "sedang", "rendah"];
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function evaluate(examples: readonly LabelledExample[], results: readonly Prediction[]): Metrics {
  if (examples.length !== results.length) throw new Error("examples and results differ in length");
  const confusion = Object.fromEntries(LEVELS.map((g) => [g, Object.fromEntries(LEVELS.map((p) => [p, 0]))])) as Record<
    Level,
    Record<Level, number>
  >;
  const perFlag = Object.fromEntries(FLAG_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 }])) as Record<
    FlagCode,
    PerFlag
  >;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  examples.forEach((ex, i) => {
    const r = results[i];
    confusion[ex.level][r.level]++;
    const pred = new Set(r.flags.map((f) => (typeof f === "string" ? f : f.code)));
    const gold = new Set(ex.flags);
    for (const c of pred) {
      const pf = perFlag[c as FlagCode];
      if (gold.has(c)) {
        tp++;
        if (pf) pf.tp++;
      } else {
        fp++;
        if (pf) pf.fp++;
      }
    }
    for (const c of gold) {
      if (!pred.has(c)) {
        fn++;
        const pf = perFlag[c as FlagCode];
        if (pf) pf.fn++;
      }
    }
  });
  for (const pf of Object.values(perFlag)) {
    pf.precision = ratio(pf.tp, pf.tp + pf.fp);
    pf.recall = ratio(pf.tp, pf.tp + pf.fn);
    pf.f1 = f1(pf.precision, pf.recall);
  }
  const goldTinggi = LEVELS.reduce((s, p) => s + confusion.tinggi[p], 0);
  const goldRendah = LEVELS.reduce((s, p) => s + confusion.rendah[p], 0);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const correct = LEVELS.reduce((s, l) => s + confusion[l][l], 0);
  return {
    n: examples.length,
    tinggiRecall: ratio(confusion.tinggi.tinggi, goldTinggi),
    rendahToTinggi: ratio(confusion.rendah.tinggi, goldRendah),
    rendahToSedangPlus: ratio(confusion.rendah.tinggi + confusion.rendah.sedang, goldRendah),
    flagMicroF1: f1(precision, recall),
    flagPrecision: precision,
    flagRecall: recall,
    levelAccuracy: ratio(correct, examples.length),
    confusion,
    perFlag,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatMetrics(m: Metrics): string {
  const lines = [
    `n=${m.n}  level accuracy ${pct(m.levelAccuracy)}`,
    `tinggi recall        ${pct(m.tinggiRecall)}   (target ≥ 95%)`,
    `rendah → tinggi      ${pct(m.rendahToTinggi)}   (target ≤ 5%)`,
    `rendah → sedang+     ${pct(m.rendahToSedangPlus)}   (target ≤ 15%)`,
    `flag micro-F1        ${m.flagMicroF1.toFixed(3)}   (P ${m.flagPrecision.toFixed(3)}, R ${m.flagRecall.toFixed(3)}; target ≥ 0.85)`,
    "confusion (gold → predicted):      tinggi  sedang  rendah",
  ];
  for (const g of LEVELS) {
    lines.push(`  ${g.padEnd(32)} ${LEVELS.map((p) => String(m.confusion[g][p]).padStart(6)).join("  ")}`);
  }
  lines.push("per flag (tp/fp/fn, F1):");
  for (const c of FLAG_CODES) {
    const p = m.perFlag[c];
    if (p.tp + p.fp + p.fn === 0) continue;
    lines.push(`  ${c.padEnd(34)} ${p.tp}/${p.fp}/${p.fn}  ${p.f1.toFixed(2)}`);
  }
  return lines.join("\n");
}
