import { describe, expect, it } from "vitest";
import { HOLIDAYS_ID } from "../../core/holidays-id";
import { Deadlines } from "./deadlines";
import { addWorkingDays, isWorkingDay, jakartaDate, workingDaysBetween } from "./working-days";

const wib = (local: string) => new Date(`${local}+07:00`);
const none = new Set<string>();

describe("working days (Asia/Jakarta)", () => {
  it("uses the Jakarta calendar date, not UTC", () => {
    expect(jakartaDate(new Date("2026-05-04T18:30:00Z"))).toBe("2026-05-05"); // 01:30 WIB on Tuesday
  });

  it("counts from the day after receipt and skips the weekend", () => {
    // Friday evening → Monday, Tuesday, Wednesday → due at the end of Wednesday (Thursday 00:00 WIB).
    expect(addWorkingDays(wib("2026-07-03T20:00:00"), 3, none)).toEqual(wib("2026-07-09T00:00:00"));
    // Saturday behaves like Friday evening.
    expect(addWorkingDays(wib("2026-07-04T09:00:00"), 3, none)).toEqual(wib("2026-07-09T00:00:00"));
    // Monday morning → Tuesday..Thursday.
    expect(addWorkingDays(wib("2026-07-06T08:00:00"), 3, none)).toEqual(wib("2026-07-10T00:00:00"));
  });

  it("skips national holidays and cuti bersama (Idul Fitri 2026)", () => {
    const d = new Deadlines();
    // Thursday 19 March 2026 (Nyepi). 20 (cuti), 21-22 (Idul Fitri, weekend), 23-24 (cuti) are off:
    // working days are 25, 26, 27 March → due at the end of Friday 27 March.
    expect(d.verifyDue(wib("2026-03-18T10:00:00"))).toEqual(wib("2026-03-28T00:00:00"));
    expect(isWorkingDay("2026-03-20", d.holidays)).toBe(false);
    expect(isWorkingDay("2026-08-17", d.holidays)).toBe(false);
    expect(isWorkingDay("2026-08-18", d.holidays)).toBe(true);
  });

  it("gives agencies 5 working days and honours configured extra holidays", () => {
    const base = new Deadlines();
    const extra = new Deadlines(["2026-07-07"]);
    const forwarded = wib("2026-07-06T10:00:00"); // Monday
    expect(base.responseDue(forwarded)).toEqual(wib("2026-07-14T00:00:00")); // Tue..Mon
    expect(extra.responseDue(forwarded)).toEqual(wib("2026-07-15T00:00:00"));
  });

  it("counts working days between two instants", () => {
    expect(workingDaysBetween(wib("2026-07-03T12:00:00"), wib("2026-07-08T12:00:00"), none)).toBe(3);
    expect(workingDaysBetween(wib("2026-07-08T12:00:00"), wib("2026-07-03T12:00:00"), none)).toBe(0);
  });

  it("has a dated holiday table with the 2026 decree complete (17 national + 8 cuti bersama)", () => {
    const y2026 = HOLIDAYS_ID.filter((h) => h.date.startsWith("2026"));
    expect(y2026.filter((h) => h.kind === "national")).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === "cuti_bersama")).toHaveLength(8);
    expect(HOLIDAYS_ID.filter((h) => h.date.startsWith("2027")).every((h) => h.provisional)).toBe(true);
    for (const h of HOLIDAYS_ID) expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
