import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KeyRing } from "./crypto";
import { indexTokens, MAX_TOKENS, queryTokens, searchWords } from "./search-tokens";

const keys: KeyRing = { current: randomBytes(32), id: "test" };
const matches = (text: string, q: string, purpose = "report") => {
  const index = new Set(indexTokens(keys, purpose, [text]));
  const need = queryTokens(keys, purpose, q);
  return need.length > 0 && need.every((t) => index.has(t));
};

describe("keyed search tokens", () => {
  it("normalises words: lower case, no accents or punctuation, no stop words or single letters", () => {
    expect(searchWords("Crème-brûlée di KAMBOJA, gaji 15jt & 0812-3456 a")).toEqual([
      "creme",
      "brulee",
      "kamboja",
      "gaji",
      "15jt",
      "0812",
      "3456",
    ]);
  });

  it("matches whole words, word beginnings and other affixed forms of a word; every query word must match", () => {
    const text = "Keponakan saya dipekerjakan sebagai penipu daring di Kamboja, gajinya tidak dibayar.";
    expect(matches(text, "kamboja")).toBe(true);
    expect(matches(text, "KAMBOJA penipu")).toBe(true);
    expect(matches(text, "kamb")).toBe(true);
    expect(matches(text, "pekerjaan")).toBe(true);
    expect(matches(text, "bekerja")).toBe(true);
    expect(matches(text, "gaji")).toBe(true);
    expect(matches(text, "membayar")).toBe(true);
    expect(matches(text, "kamboja malaysia")).toBe(false);
    expect(matches(text, "thailand")).toBe(false);
    expect(matches(text, "di yang")).toBe(false); // nothing searchable
  });

  it("stores no word: tokens are keyed 64-bit numbers, different per purpose and per key", () => {
    const tokens = indexTokens(keys, "report", ["Wulandari di Sihanoukville"]);
    expect(tokens.every((t) => /^-?\d{1,19}$/.test(t) && BigInt.asIntN(64, BigInt(t)) === BigInt(t))).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(indexTokens(keys, "other", ["Wulandari"])).not.toEqual(indexTokens(keys, "report", ["Wulandari"]));
    const other: KeyRing = { current: randomBytes(32), id: "other" };
    expect(indexTokens(other, "report", ["Wulandari"])).not.toEqual(indexTokens(keys, "report", ["Wulandari"]));
  });

  it("keeps at most MAX_TOKENS tokens for a very long text", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `kata${i.toString(36)}panjang`).join(" ");
    expect(indexTokens(keys, "report", [text]).length).toBeLessThanOrEqual(MAX_TOKENS);
  });
});
