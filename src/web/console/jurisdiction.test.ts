import { describe, expect, it } from "vitest";
import { touchesJurisdiction, withinJurisdiction } from "./jurisdiction";

const KECAMATAN = ["36.04.01", "36.04.12", "36.04.13", "36.04.29"];

describe("pickers follow the user's jurisdiction", () => {
  it("lists every kecamatan for a regency-wide user", () => {
    expect(KECAMATAN.filter((code) => touchesJurisdiction(code, { kind: "regency" }))).toEqual(KECAMATAN);
  });

  it("lists the kecamatan of listed kecamatan and of listed desa only", () => {
    const jurisdiction = { kind: "areas" as const, codes: ["36.04.12", "36.04.13.2001"] };
    expect(KECAMATAN.filter((code) => touchesJurisdiction(code, jurisdiction))).toEqual(["36.04.12", "36.04.13"]);
  });

  it("lists only the listed desa of a kecamatan where the user has some desa", () => {
    const jurisdiction = { kind: "areas" as const, codes: ["36.04.13.2001"] };
    expect(["36.04.13.2001", "36.04.13.2002"].filter((code) => withinJurisdiction(code, jurisdiction))).toEqual(["36.04.13.2001"]);
    expect(withinJurisdiction("36.04.12.2003", { kind: "areas", codes: ["36.04.12"] })).toBe(true);
  });

  it("lists nothing for an account without areas", () => {
    expect(KECAMATAN.filter((code) => touchesJurisdiction(code, { kind: "areas", codes: [] }))).toEqual([]);
  });
});
