import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearDraft, FORM_DRAFT_KEY, loadDraft, loadReceipt, saveDraft, saveReceipt } from "./draft";
import { emptyForm, emptyPerson } from "./payload";
import { DRAFT_KEY } from "./submission";
import { initialForm } from "./useReportForm";
import { memoryStorage } from "./storage.fixtures";

beforeEach(() => {
  vi.stubGlobal("window", { localStorage: memoryStorage(), sessionStorage: memoryStorage() });
});
afterEach(() => vi.unstubAllGlobals());

describe("the report draft on the phone", () => {
  it("comes back after a reload, without the reporter's contact details", () => {
    const form = {
      ...emptyForm(),
      category: "suspicious_offer" as const,
      description: "Tetangga ditawari kerja di Kamboja",
      anonymous: false,
      reporterName: "Siti",
      reporterPhone: "081200000000",
      people: [{ ...emptyPerson(4), phones: "0812 3456 7890" }],
    };
    saveDraft(form);
    const stored = window.localStorage.getItem(FORM_DRAFT_KEY) ?? "";
    expect(stored).not.toContain("Siti");
    expect(stored).not.toContain("081200000000");
    const restored = loadDraft();
    expect(restored?.description).toBe("Tetangga ditawari kerja di Kamboja");
    expect(restored?.anonymous).toBe(false);
    expect(restored?.reporterName).toBe("");
    expect(restored?.people).toEqual([{ ...emptyPerson(0), phones: "0812 3456 7890" }]);
  });

  it("keeps nothing for an untouched form, is cleared on demand and expires after a week", () => {
    saveDraft(emptyForm());
    expect(window.localStorage.getItem(FORM_DRAFT_KEY)).toBeNull();
    const now = Date.now();
    saveDraft({ ...emptyForm(), description: "Sesuatu terjadi" }, now);
    expect(loadDraft(now + 1000)).not.toBeNull();
    expect(loadDraft(now + 8 * 24 * 3600 * 1000)).toBeNull();
    saveDraft({ ...emptyForm(), description: "Sesuatu terjadi" }, now);
    clearDraft();
    expect(loadDraft(now)).toBeNull();
  });

  it("lets a hand-over from Cek Lowongan fill the offer and the first person's numbers of a kept draft", () => {
    saveDraft({ ...emptyForm(), description: "Sudah saya tulis sebelumnya" });
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ offerText: "Admin di Kamboja 15jt", phones: ["+6281234567890"] }));
    const { form, prefilled, restored } = initialForm();
    expect(prefilled).toBe(true);
    expect(restored).toBe(true);
    expect(form.description).toBe("Sudah saya tulis sebelumnya");
    expect(form.offerText).toBe("Admin di Kamboja 15jt");
    expect(form.category).toBe("suspicious_offer");
    expect(form.people[0]?.phones).toBe("+6281234567890");
  });
});

describe("the receipt on the phone", () => {
  it("survives a reload with its code and PIN", () => {
    saveReceipt({ trackingCode: "AB12-CD34", pin: "123456" });
    expect(loadReceipt()).toEqual({ trackingCode: "AB12-CD34", pin: "123456" });
  });
});
