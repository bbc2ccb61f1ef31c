import { describe, expect, it } from "vitest";
import { cleanHandles, cleanOcrText, cleanPhoneNumbers } from "./ocr-clean";

describe("phone numbers after OCR", () => {
  it.each([
    ["Hub. O812 3456 7890 segera", "Hub. 081234567890 segera"],
    ["WA 0812-34S6-789O", "WA 081234567890"],
    ["+62 812 3l56 7890", "+6281231567890"],
    ["62 8I2 3456 7890.", "081234567890."],
    ["call 0812.3456.7890 now", "call 081234567890 now"],
  ])("repairs %s", (input, expected) => {
    expect(cleanPhoneNumbers(input)).toBe(expected);
  });

  it("leaves words, dates, amounts and short numbers alone", () => {
    for (const text of [
      "Gaji 15.000.000 per bulan",
      "Berangkat 12-10-2026",
      "Solo 0 biaya",
      "Kode SIP2MI 001/2026",
      "BOSS ISI SOAL",
      "Oslo 2026",
    ]) {
      expect(cleanPhoneNumbers(text)).toBe(text);
    }
  });

  it("does not turn a mostly-letter run into a number", () => {
    expect(cleanPhoneNumbers("0ISSOOSSOIS")).toBe("0ISSOOSSOIS");
  });
});

describe("handles after OCR", () => {
  it("joins a handle split after @ or around an underscore and reads © as @", () => {
    expect(cleanHandles("IG @ loker_ luar")).toBe("IG @loker_luar");
    expect(cleanHandles("DM ©kerjajepang")).toBe("DM @kerjajepang");
    expect(cleanHandles("klik wa. me/ 6281234567890")).toBe("klik wa.me/6281234567890");
  });

  it("keeps e-mail addresses and the copyright sign in prose", () => {
    expect(cleanHandles("info@contoh.co.id")).toBe("info@contoh.co.id");
    expect(cleanHandles("© 2026 PT Contoh")).toBe("© 2026 PT Contoh");
  });
});

describe("cleanOcrText", () => {
  it("collapses spaces, drops empty lines and repairs contacts", () => {
    expect(cleanOcrText("LOWONGAN   KERJA\n\n\n  Hubungi  O812 3456 7890 \r\n IG @ loker_ok")).toBe(
      "LOWONGAN KERJA\nHubungi 081234567890\nIG @loker_ok",
    );
  });
});
