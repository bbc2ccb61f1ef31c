/**
 * Money extraction: "15jt", "Rp 15.000.000", "Rp 7,5 jt", "1.500 USD", "$800", "1.000$", "RM1.800",
 * "70.000 PHP", "SAR 1.500", "2,5 juta won", "80k pesos", ranges ("18–25 JT", "USD 900–1.500"),
 * periods (/bln, per jam, harian, per minggu) and salary-vs-fee context. Works on lower-cased text.
 */
import { toIdr } from "./currency-rates.js";
import type { MoneyEntity, MoneyKind, PayPeriod } from "./types.js";

const PRE: [string, string][] = [
  ["rp.", "IDR"],
  ["rp", "IDR"],
  ["idr", "IDR"],
  ["rm", "MYR"],
  ["myr", "MYR"],
  ["nt$", "TWD"],
  ["ntd", "TWD"],
  ["nt", "TWD"],
  ["twd", "TWD"],
  ["us$", "USD"],
  ["usd", "USD"],
  ["s$", "SGD"],
  ["sgd", "SGD"],
  ["hk$", "HKD"],
  ["hkd", "HKD"],
  ["sar", "SAR"],
  ["aed", "AED"],
  ["qr", "QAR"],
  ["qar", "QAR"],
  ["kd", "KWD"],
  ["kwd", "KWD"],
  ["omr", "OMR"],
  ["bhd", "BHD"],
  ["bnd", "BND"],
  ["b$", "BND"],
  ["¥", "JPY"],
  ["jpy", "JPY"],
  ["krw", "KRW"],
  ["₩", "KRW"],
  ["eur", "EUR"],
  ["€", "EUR"],
  ["aud", "AUD"],
  ["a$", "AUD"],
  ["thb", "THB"],
  ["฿", "THB"],
  ["php", "PHP"],
  ["₱", "PHP"],
  ["cad", "CAD"],
  ["gbp", "GBP"],
  ["£", "GBP"],
  ["pln", "PLN"],
  ["ron", "RON"],
  ["cny", "CNY"],
  ["rmb", "CNY"],
  ["vnd", "VND"],
  ["nzd", "NZD"],
  ["jod", "JOD"],
  ["$", "USD"],
];
const POST: [string, string][] = [
  ["rupiah", "IDR"],
  ["ringgit", "MYR"],
  ["rm", "MYR"],
  ["myr", "MYR"],
  ["usd", "USD"],
  ["dollar singapura", "SGD"],
  ["dolar singapura", "SGD"],
  ["dollar hongkong", "HKD"],
  ["dolar hongkong", "HKD"],
  ["dollar hk", "HKD"],
  ["dolar hk", "HKD"],
  ["dollar taiwan", "TWD"],
  ["dolar taiwan", "TWD"],
  ["dollar brunei", "BND"],
  ["dolar brunei", "BND"],
  ["dollar australia", "AUD"],
  ["dolar australia", "AUD"],
  ["dollar", "USD"],
  ["dolar", "USD"],
  ["sgd", "SGD"],
  ["hkd", "HKD"],
  ["sar", "SAR"],
  ["sr", "SAR"],
  ["riyal", "SAR"],
  ["rial", "SAR"],
  ["aed", "AED"],
  ["dirham", "AED"],
  ["qar", "QAR"],
  ["qr", "QAR"],
  ["kwd", "KWD"],
  ["kd", "KWD"],
  ["dinar", "KWD"],
  ["omr", "OMR"],
  ["bhd", "BHD"],
  ["bnd", "BND"],
  ["yen", "JPY"],
  ["jpy", "JPY"],
  ["won", "KRW"],
  ["krw", "KRW"],
  ["euro", "EUR"],
  ["eur", "EUR"],
  ["aud", "AUD"],
  ["thb", "THB"],
  ["baht", "THB"],
  ["php", "PHP"],
  ["pesos", "PHP"],
  ["peso", "PHP"],
  ["cad", "CAD"],
  ["pln", "PLN"],
  ["zloty", "PLN"],
  ["ron", "RON"],
  ["lira", "TRY"],
  ["ntd", "TWD"],
  ["nt", "TWD"],
  ["twd", "TWD"],
  ["vnd", "VND"],
  ["yuan", "CNY"],
  ["$", "USD"],
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PRE_MAP = new Map(PRE);
const POST_MAP = new Map(POST);
const PRE_SRC = PRE.map(([k]) => esc(k)).join("|");
const POST_SRC = POST.map(([k]) => esc(k)).join("|");
const NUM = String.raw`\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MULT = "juta|jt|jeti|million|mio|ribu|rebu|rb|k|m";

const MONEY_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${PRE_SRC})\s?)?(${NUM})(?:\s?(?:-|–|—|s\.?d\.?|sampai|sampe|hingga|to)\s?(?:${PRE_SRC})?\s?(${NUM}))?(?:an)?(?:\s?(${MULT})(?![\p{L}]))?(?:\s?(${POST_SRC})(?![\p{L}]))?`,
  "gu",
);

const PERIOD_AFTER =
  /^\s*(?:\/|per|tiap|a|an|se|sa)?\s*(bulan|bln|month|sebulan|sabulan|monthly|jam|hour|hr|hari|day|daily|harian|minggu|mg|week|weekly|pekan|mingguan|tahun|thn|year|yearly|halaman|hlm|tugas|task|potong|pcs|page)(?![\p{L}])/u;
const PERIOD_BEFORE = /(harian|per hari|sehari|per jam|perjam|mingguan|per minggu|sebulan|sabulan|per bulan|bulanan|tahunan)[^\d]{0,20}$/;

const SAL_CUE =
  /(gaji|gj|gajih|gajinya|gajine|gajina|salary|upah|bayaran|penghasilan|pendapatan|income|\bpay\b|sebulan|sabulan|uang saku|honor|take home|thp|bruto|earn)/g;
const FEE_CUE =
  /(biaya|\bdp\b|transfer|\btf\b|\btrf\b|bayar(?!an)|denda|ganti rugi|deposit|uang(?! saku)|pendaftaran|jaminan|ongkos|modal|cicil|talang|tiket|hutang|utang|\bfee\b|komisi|harga|dipotong|potong)/g;

const FUNDS_CUE =
  /(?:bukti dana|bukti keuangan|dana minimal|dana minimum|saldo|rekening koran|proof of funds|show(?:ing)? funds|tabungan|biaya hidup|living costs?|tuition|uang kuliah|spp)[^.!?\n]{0,40}$/;

function parseNum(s: string): number {
  if (/^\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?$/.test(s)) {
    const dec = /,(\d{1,2})$/.exec(s);
    if (dec && s.includes(".")) {
      return Number(s.slice(0, dec.index).replace(/[.,]/g, "")) + Number(`0.${dec[1]}`);
    }
    return Number(s.replace(/[.,]/g, ""));
  }
  return Number(s.replace(",", "."));
}

function multValue(m: string | undefined): number {
  if (!m) return 1;
  if (m === "juta" || m === "jt" || m === "jeti" || m === "million" || m === "mio" || m === "m") return 1_000_000;
  return 1_000;
}

function periodOf(token: string | undefined): PayPeriod | null {
  if (!token) return null;
  if (/^(bulan|bln|month|mo|sebulan|sabulan|monthly|bulanan)$/.test(token)) return "month";
  if (/^(jam|hour|hr|h|per jam|perjam)$/.test(token)) return "hour";
  if (/^(hari|day|daily|harian|per hari|sehari)$/.test(token)) return "day";
  if (/^(minggu|mg|week|weekly|pekan|mingguan|per minggu)$/.test(token)) return "week";
  if (/^(tahun|thn|th|year|yearly|tahunan)$/.test(token)) return "year";
  if (/^(halaman|hlm|tugas|task|potong|pcs|page)$/.test(token)) return "piece";
  if (token === "per bulan") return "month";
  return null;
}

const PER_MONTH: Record<PayPeriod, number> = { month: 1, week: 4.33, day: 26, hour: 173, year: 1 / 12, piece: 0 };

function lastIndex(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null = re.exec(s);
  while (m !== null) {
    last = m.index;
    m = re.exec(s);
  }
  return last;
}

/** Hint from destinations to disambiguate "riyal"/"dinar". */
export interface CurrencyHint {
  countries: ReadonlySet<string>;
}

export function extractMoney(text: string, lower: string, hint?: CurrencyHint): MoneyEntity[] {
  const out: MoneyEntity[] = [];
  MONEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null = MONEY_RE.exec(lower);
  while (m !== null) {
    const [whole, pre, n1, n2, mult, post] = m;
    const start = m.index;
    const end = start + whole.length;
    m = MONEY_RE.exec(lower);
    let currency = (pre && PRE_MAP.get(pre)) || (post && POST_MAP.get(post)) || undefined;
    const bigPlain = !pre && !post && !mult && /^\d{1,3}(?:\.\d{3}){2,}$/.test(n1);
    if (!currency && !mult && !bigPlain) continue;
    if (!currency) currency = "IDR";
    if (currency === "SAR" && hint?.countries.has("QA")) currency = "QAR";
    else if (currency === "SAR" && hint?.countries.has("OM")) currency = "OMR";
    if (currency === "KWD" && post === "dinar") {
      if (hint?.countries.has("BH")) currency = "BHD";
      else if (hint?.countries.has("JO")) currency = "JOD";
    }
    const k = multValue(mult);
    const a1 = parseNum(n1) * k;
    const a2 = n2 !== undefined ? parseNum(n2) * k : undefined;
    const amount = a2 !== undefined ? Math.max(a1, a2) : a1;
    const amountMin = a2 !== undefined ? Math.min(a1, a2) : undefined;
    if (!Number.isFinite(amount) || amount <= 0) continue;
    // Bare IDR numbers below Rp 1,000 are not money ("15 rb" is fine; "7 k" alone is noise).
    if (currency === "IDR" && amount < 1_000) continue;

    // Period
    const after = lower.slice(end, end + 30);
    const pa = PERIOD_AFTER.exec(after);
    const lineStart = Math.max(lower.lastIndexOf("\n", start - 1) + 1, start - 50);
    const before = lower.slice(lineStart, start);
    const pb = PERIOD_BEFORE.exec(before);
    let period: PayPeriod | null = periodOf(pa?.[1]) ?? periodOf(pb?.[1]);
    // Context: salary or fee
    const sal = lastIndex(SAL_CUE, before);
    const fee = lastIndex(FEE_CUE, before);
    let kind: MoneyKind;
    if (sal > fee) kind = "salary";
    else if (fee > sal) kind = "fee";
    else if (period && period !== "piece") kind = "salary";
    else kind = currency !== "IDR" ? "salary" : "other";
    if (period === "piece" && kind === "salary") kind = "other";
    // Proof of funds, account balances, tuition: money the applicant shows or holds, not pay.
    if (FUNDS_CUE.test(lower.slice(Math.max(0, start - 60), start))) kind = "other";
    if (!period) period = "month";
    const idr = toIdr(amount, currency);
    const idrPerMonth = idr === null || period === "piece" ? null : Math.round(idr * PER_MONTH[period]);
    out.push({
      text: text.slice(start, end).trim(),
      amount,
      ...(amountMin !== undefined ? { amountMin } : {}),
      currency,
      period,
      kind,
      idrPerMonth,
      start,
      end,
    });
  }
  return out;
}
