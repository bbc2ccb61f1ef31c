import { describe, expect, it } from "vitest";
import { figureHref } from "./dashboard";

describe("figureHref", () => {
  it("puts the figure's filters in the list page's address", () => {
    expect(figureHref({ value: 3, list: "reports", filter: { status: "open", overdue: "true" } })).toBe(
      "/konsol/laporan?status=open&overdue=true",
    );
    expect(figureHref({ value: 3, list: "villages", filter: { reach: "never" } })).toBe("/konsol/desa?reach=never");
    expect(figureHref({ value: 1, list: "actionItems", filter: { overdue: "true" } })).toBe("/konsol/koordinasi?overdue=true");
  });

  it("asks the case list for every status when the figure counts every case", () => {
    expect(figureHref({ value: 9, list: "cases", filter: {} })).toBe("/konsol/kasus?status=");
    expect(figureHref({ value: 2, list: "overdueCaseItems", filter: { kind: "referral" } })).toBe("/konsol/kasus?overdue=true");
  });
});
