import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildReport, emptyForm, emptyPerson, mapFieldErrors, splitValues } from "./payload";
import { clearPendingSubmission, forgetOfferDraft, PENDING_KEY, peekOfferDraft, pendingSubmissionId } from "./submission";
import { memoryStorage } from "./storage.fixtures";

const ID = "6f1c1f0e-4b7a-4c39-9a4e-3f0f8d9b2a11";

describe("the report body", () => {
  it("sends only what was filled in", () => {
    const form = { ...emptyForm(), category: "other" as const, description: "  Sesuatu terjadi di desa  ", consent: true };
    expect(buildReport(form, ID, []).body).toEqual({
      submissionId: ID,
      category: "other",
      description: "Sesuatu terjadi di desa",
      anonymous: true,
      consent: true,
    });
  });

  it("keeps people rows that identify someone and remembers their form row for error paths", () => {
    const form = emptyForm();
    form.category = "suspicious_offer";
    form.people = [
      { ...emptyPerson(0), role: "victim" },
      {
        ...emptyPerson(1),
        name: "Kak Rina",
        role: "recruiter",
        phones: "0812 3456 7890, 0813-1111-2222",
        companies: "PT Maju, Tbk; CV Jaya",
      },
    ];
    const { body, rowOf } = buildReport(form, ID, ["a"]);
    expect(body.people).toEqual([
      { name: "Kak Rina", role: "recruiter", phones: ["0812 3456 7890", "0813-1111-2222"], companies: ["PT Maju, Tbk", "CV Jaya"] },
    ]);
    expect(rowOf).toEqual([1]);
    expect(body.attachments).toEqual(["a"]);
    expect(mapFieldErrors({ "people.0.phones.1": "Format tidak valid" }, rowOf)).toEqual({ "people.1.phones": "Format tidak valid" });
  });

  it("sends the place as a region code (desa over kecamatan) or as free text", () => {
    const base = { ...emptyForm(), category: "other" as const };
    expect(buildReport({ ...base, kecamatan: "36.04.13", desa: "" }, ID, []).body.location).toEqual({ regionCode: "36.04.13" });
    expect(buildReport({ ...base, kecamatan: "36.04.13", desa: "36.04.13.2001" }, ID, []).body.location).toEqual({
      regionCode: "36.04.13.2001",
    });
    expect(buildReport({ ...base, placeMode: "elsewhere", placeText: " Batam " }, ID, []).body.location).toEqual({ placeText: "Batam" });
    expect(buildReport({ ...base, placeMode: "unknown", kecamatan: "36.04.13" }, ID, []).body.location).toBeUndefined();
  });

  it("sends the reporter only when not anonymous", () => {
    const named = { ...emptyForm(), category: "other" as const, reporterPhone: "0812", anonymous: false };
    expect(buildReport(named, ID, []).body.reporter).toEqual({ phone: "0812" });
    expect(buildReport({ ...named, anonymous: true }, ID, []).body.reporter).toBeUndefined();
  });

  it("maps API error paths to the form's fields", () => {
    expect(
      mapFieldErrors({ "location.regionCode": "a", "reporter.email": "b", "attachments.3": "c", description: "d", people: "e" }, []),
    ).toEqual({ place: "a", reporterEmail: "b", attachments: "c", description: "d", people: "e" });
  });

  it("splits several values", () => {
    expect(splitValues("a, b;\nc,,")).toEqual(["a", "b", "c"]);
    expect(splitValues("PT A, Tbk\nPT B", false)).toEqual(["PT A, Tbk", "PT B"]);
  });
});

describe("the pending submission id", () => {
  beforeEach(() => {
    vi.stubGlobal("window", { localStorage: memoryStorage(), sessionStorage: memoryStorage() });
  });
  afterEach(() => {
    clearPendingSubmission();
    vi.unstubAllGlobals();
  });

  it("stays the same across retries until the report is acknowledged", () => {
    const first = pendingSubmissionId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pendingSubmissionId()).toBe(first);
    expect(JSON.parse(window.localStorage.getItem(PENDING_KEY) ?? "{}").submissionId).toBe(first);
    clearPendingSubmission();
    expect(window.localStorage.getItem(PENDING_KEY)).toBeNull();
    expect(pendingSubmissionId()).not.toBe(first);
  });

  it("survives a reload (storage) and expires after a day", () => {
    const now = Date.now();
    window.localStorage.setItem(PENDING_KEY, JSON.stringify({ submissionId: ID, createdAt: now - 1000 }));
    expect(pendingSubmissionId(now)).toBe(ID);
    window.localStorage.setItem(PENDING_KEY, JSON.stringify({ submissionId: ID, createdAt: now - 25 * 3600 * 1000 }));
    expect(pendingSubmissionId(now)).not.toBe(ID);
  });

  it("reads the offer handed over by Cek Lowongan as often as a render asks, until the form forgets it", () => {
    window.sessionStorage.setItem(
      "simpul.reportDraft",
      JSON.stringify({ offerText: "Gaji 15jt", level: "tinggi", phones: ["+6281234567890", 7] }),
    );
    // A discarded first render and its retry both find it (reading never removes it).
    expect(peekOfferDraft()).toEqual({ offerText: "Gaji 15jt", phones: ["+6281234567890"] });
    expect(peekOfferDraft()).toEqual({ offerText: "Gaji 15jt", phones: ["+6281234567890"] });
    forgetOfferDraft();
    expect(peekOfferDraft()).toBeNull();
  });
});
