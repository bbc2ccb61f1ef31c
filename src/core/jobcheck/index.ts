/** Public API of the job-offer checker ("Cek Lowongan"). Browser-safe: no Node imports. */
export { buildAdvice } from "./advice.js";
export { IDR_PER_UNIT, RATES_DATE, toIdr } from "./currency-rates.js";
export { checkJobOffer, DECISIVE_FLAGS, levelFor } from "./engine.js";
export { evaluate, formatMetrics, type LabelledExample, type Metrics, type Prediction } from "./evaluate.js";
export { FLAG_MESSAGES, LEVEL_LABELS, SIGNAL_MESSAGES } from "./messages.js";
export { extractMoney } from "./money.js";
export { extractPhones, toE164 } from "./phones.js";
export { REFERENCE_PAY, REFERENCE_PAY_DATE } from "./reference-pay.js";
export * from "./types.js";
