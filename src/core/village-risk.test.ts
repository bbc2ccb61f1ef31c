import { describe, expect, it } from "vitest";
import { assessPeriod, assessVillage, comparePeriods } from "./village-risk";

describe("village risk rule", () => {
  it("explains a high level by the figures that triggered it", () => {
    const a = assessPeriod("2025", { nonProceduralDepartures: 12, victims: 3, residentsAbroad: 80, passportPostponements: null });
    expect(a.level).toBe("high");
    expect(a.reason).toBe("Tinggi karena 12 keberangkatan non-prosedural dan 3 korban pada 2025");
    expect(a.triggers).toEqual(["nonProceduralDepartures", "victims"]);
    expect(a.inputs).toEqual({
      residentsAbroad: 80,
      nonProceduralDepartures: 12,
      victims: 3,
      passportPostponements: null,
      reportsReceived: null,
    });
  });

  it("one victim alone makes a village high risk", () => {
    expect(assessPeriod("2025-S1", { victims: 1 }).reason).toBe("Tinggi karena 1 korban pada semester 1 2025");
  });

  it("medium and low levels name their inputs; unknown figures are not zero", () => {
    const m = assessPeriod("2024", { nonProceduralDepartures: 4, passportPostponements: 5, victims: 0 });
    expect(m.level).toBe("medium");
    expect(m.reason).toBe("Sedang karena 4 keberangkatan non-prosedural dan 5 penundaan paspor pada 2024");
    const l = assessPeriod("2024", { nonProceduralDepartures: 1, victims: 0 });
    expect(l.level).toBe("low");
    expect(l.reason).toContain("Rendah karena 1 keberangkatan non-prosedural dan 0 korban pada 2024");
    expect(assessPeriod("2024", {}).level).toBe("unknown");
  });

  it("assesses a village on its latest period with data", () => {
    const a = assessVillage([
      { period: "2024", figures: { victims: 2 } },
      { period: "2025-S1", figures: { nonProceduralDepartures: 3 } },
      { period: "2025-S2", figures: {} },
    ]);
    expect(a.period).toBe("2025-S1");
    expect(a.level).toBe("medium");
    expect(assessVillage([]).level).toBe("unknown");
    expect(comparePeriods("2025", "2025-S2")).toBeGreaterThan(0);
  });
});
