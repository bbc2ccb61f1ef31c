// The moratorium flag follows Kepmenaker 260/2015's 21 countries (domestic work for private users in the
// Middle East): Pakistan and South Sudan are on it, Sudan is not; umrah and hajj travel is never flagged.
import { describe, expect, it } from "vitest";
import { scoreScreening } from "./screening";

const flagged = (destinationCountry: string, purpose: "work" | "umrah_hajj" = "work") =>
  scoreScreening({ purpose, documents: [], destinationCountry, flags: [] }).reasons.some((r) => r.flag === "moratorium_destination");

describe("moratorium destinations", () => {
  it("flags work in the decree's countries, whatever the case of the code", () => {
    for (const c of ["SA", "ae", "PK", "SS", "IR", "MR"]) expect(flagged(c), c).toBe(true);
  });

  it("does not flag countries outside the decree, nor pilgrimage", () => {
    for (const c of ["SD", "MY", "TW", "KH"]) expect(flagged(c), c).toBe(false);
    expect(flagged("SA", "umrah_hajj")).toBe(false);
  });
});
