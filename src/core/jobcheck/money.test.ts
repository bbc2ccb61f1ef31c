import { describe, expect, it } from "vitest";
import { extractMoney } from "./money.js";
import { extractPhones, toE164 } from "./phones.js";
import { lowerSameLength } from "./text.js";

const money = (text: string) => extractMoney(text, lowerSameLength(text));
const first = (text: string) => money(text)[0];

describe("money parsing", () => {
  it.each([
    ["gj 15jt", 15_000_000, "IDR", "month"],
    ["gaji 15 juta", 15_000_000, "IDR", "month"],
    ["Gaji Rp15.000.000/bln", 15_000_000, "IDR", "month"],
    ["gaji Rp 7,5 jt", 7_500_000, "IDR", "month"],
    ["gaji 2,8 jt + uang makan", 2_800_000, "IDR", "month"],
    ["gaji 1.500 USD", 1_500, "USD", "month"],
    ["salary $800 per month", 800, "USD", "month"],
    ["Gaji 1.000$ + komisi", 1_000, "USD", "month"],
    ["gaji RM1.800", 1_800, "MYR", "month"],
    ["gaji RM 55/hari", 55, "MYR", "day"],
    ["Gaji 70.000 PHP/bln", 70_000, "PHP", "month"],
    ["gaji SAR 1.500", 1_500, "SAR", "month"],
    ["Gaji 1.800 SR bersih", 1_800, "SAR", "month"],
    ["gaji 2,5 juta won", 2_500_000, "KRW", "month"],
    ["KRW 2.090.000 per bulan", 2_090_000, "KRW", "month"],
    ["gaji NT$ 28,590", 28_590, "TWD", "month"],
    ["gaji ¥200.000/bulan", 200_000, "JPY", "month"],
    ["HK$ 4.990 + libur tiap minggu", 4_990, "HKD", "month"],
    ["AUD 25/jam", 25, "AUD", "hour"],
    ["80k pesos monthly", 80_000, "PHP", "month"],
    ["gaji 2 jt per minggu", 2_000_000, "IDR", "week"],
    ["gaji harian Rp 150.000", 150_000, "IDR", "day"],
    ["EUR 2.800,50", 2_800.5, "EUR", "month"],
  ])("%s", (text, amount, currency, period) => {
    const m = first(text);
    expect(m).toBeDefined();
    expect(m.amount).toBeCloseTo(amount, 6);
    expect(m.currency).toBe(currency);
    expect(m.period).toBe(period);
  });

  it("normalises to rupiah per month", () => {
    expect(first("gaji 15jt").idrPerMonth).toBe(15_000_000);
    expect(first("gaji RM 55/hari").idrPerMonth).toBe(Math.round(55 * 3_900 * 26));
    expect(first("gaji 2 jt per minggu").idrPerMonth).toBe(Math.round(2_000_000 * 4.33));
    expect(first("Rp 5.000/halaman").idrPerMonth).toBeNull();
  });

  it("reads ranges as upper bound with amountMin", () => {
    const m = first("Gaji: Rp 18–25 JT/bulan");
    expect(m.amount).toBe(25_000_000);
    expect(m.amountMin).toBe(18_000_000);
    const u = first("Gaji USD 900–1.500 + service charge");
    expect(u.amount).toBe(1_500);
    expect(u.amountMin).toBe(900);
  });

  it("tells salaries from fees", () => {
    const ms = money("Gaji 2,5 juta won. Biaya Rp 25 jt, DP 10 jt transfer ke rekening BCA.");
    expect(ms.map((m) => m.kind)).toEqual(["salary", "fee", "fee"]);
    expect(money("Biaya penempatan Rp 38.000.000 dipotong dari gaji")[0].kind).toBe("fee");
    expect(money("wajib ganti rugi 3.000$")[0].kind).toBe("fee");
  });

  it("ignores numbers that are not money", () => {
    expect(money("usia 18–26 th, tinggi min. 160 cm, SIP2MI No. B.2056/PL/VI/2025, Km 7, kerja 12 jam")).toEqual([]);
    expect(money("WA 0838-1120-6654, rek BRI 0123-01-044587-50-3")).toEqual([]);
  });
});

describe("phone numbers", () => {
  it.each([
    ["0838-1120-6654", "+6283811206654"],
    ["+62 838 1120 6654", "+6283811206654"],
    ["62838-1120-6654", "+6283811206654"],
    ["0812.2267.9034", "+6281222679034"],
    ["WA: 085212345678", "+6285212345678"],
  ])("%s → %s", (raw, e164) => {
    expect(extractPhones(raw).map((p) => p.e164)).toEqual([e164]);
  });

  it("handles foreign numbers and office landlines, not bank accounts", () => {
    expect(extractPhones("Contact Mr Tan +60 12-345 6789").map((p) => p.e164)).toEqual(["+60123456789"]);
    expect(extractPhones("Pendaftaran di kantor, telp 021-5551234").map((p) => p.e164)).toEqual(["+62215551234"]);
    expect(extractPhones("transfer ke BRI 0123-01-044587-50-3 a.n. Hendra")).toEqual([]);
    expect(extractPhones("call center KP2MI 0800-1000")).toEqual([]);
    expect(toE164("0838-1120-6654")).toBe("+6283811206654");
  });
});
