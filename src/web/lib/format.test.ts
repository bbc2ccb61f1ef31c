import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatPartialDate, wibDayBoundary } from "./format";
import { safeNextPath } from "./router";

describe("formatting for people in Indonesia", () => {
  it("shows instants in WIB whatever the device's time zone", () => {
    // 07:05 UTC is 14:05 in Jakarta.
    expect(formatDateTime("2026-11-22T07:05:00Z")).toBe("22 Nov 2026, 14.05 WIB");
    // 20:00 UTC on the 22nd is already the 23rd in Jakarta.
    expect(formatDate("2026-11-22T20:00:00Z")).toBe("23 November 2026");
  });

  it("shows a date known only to the month as the month, not as its first day", () => {
    expect(formatPartialDate("2023-09")).toBe("September 2023");
    expect(formatPartialDate("2023-09-12")).toBe("12 September 2023");
    expect(formatPartialDate(null)).toBe("–");
  });

  it("uses Indonesian digit grouping", () => {
    expect(formatNumber(83762)).toBe("83.762");
    expect(formatNumber(1234.5)).toBe("1.234,5");
  });

  it("shows a dash for missing or broken dates", () => {
    expect(formatDateTime(null)).toBe("–");
    expect(formatDateTime("not a date")).toBe("–");
  });

  it("turns a day picked in WIB into the instants that bound it", () => {
    expect(wibDayBoundary("2026-11-22", "start")).toBe("2026-11-21T17:00:00.000Z");
    expect(wibDayBoundary("2026-11-22", "end")).toBe("2026-11-22T16:59:59.999Z");
  });
});

describe("redirect after sign-in", () => {
  it("only returns to console pages", () => {
    expect(safeNextPath("/konsol/admin/pengguna", "/konsol")).toBe("/konsol/admin/pengguna");
    expect(safeNextPath("//evil.example/konsol", "/konsol")).toBe("/konsol");
    expect(safeNextPath("https://evil.example/", "/konsol")).toBe("/konsol");
    expect(safeNextPath("/konsolx", "/konsol")).toBe("/konsol");
    expect(safeNextPath(null, "/konsol")).toBe("/konsol");
  });
});
