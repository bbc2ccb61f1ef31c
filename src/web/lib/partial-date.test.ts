import { describe, expect, it } from "vitest";
import { joinPartialDate, splitPartialDate } from "./partial-date";

describe("partial dates (a decree known only to the month)", () => {
  it("keeps a month-only date as it is stored", () => {
    expect(splitPartialDate("2023-09")).toEqual({ year: "2023", month: "09", day: "" });
    expect(joinPartialDate(splitPartialDate("2023-09"))).toEqual({ value: "2023-09" });
    expect(joinPartialDate(splitPartialDate("2023-09-12"))).toEqual({ value: "2023-09-12" });
  });

  it("clears to empty and refuses incomplete or impossible dates", () => {
    expect(splitPartialDate(null)).toEqual({ year: "", month: "", day: "" });
    expect(joinPartialDate({ year: "", month: "", day: "" })).toEqual({ value: "" });
    expect(joinPartialDate({ year: "2023", month: "", day: "" })).toEqual({ problem: "month" });
    expect(joinPartialDate({ year: "23", month: "09", day: "" })).toEqual({ problem: "year" });
    expect(joinPartialDate({ year: "2023", month: "02", day: "29" })).toEqual({ problem: "day" });
    expect(joinPartialDate({ year: "2024", month: "02", day: "29" })).toEqual({ value: "2024-02-29" });
  });
});
