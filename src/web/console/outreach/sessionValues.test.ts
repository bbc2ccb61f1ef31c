import { describe, expect, it } from "vitest";
import type { SessionCreate, SessionView } from "../villages/types";
import { queuedFormValues, sessionBody, sessionFormValues, sessionProblems } from "./sessionValues";

const session = {
  id: "5d0c8a5e-2f8e-4a4c-9a55-0b4f1f7f6a01",
  status: "planned",
  // 09:00 and 11:30 in Asia/Jakarta; the test process runs in UTC.
  startsAt: "2026-01-20T02:00:00.000Z",
  endsAt: "2026-01-20T04:30:00.000Z",
  localStart: "2026-01-20 09:00",
  desaCode: "36.04.12.2001",
  kecamatanCode: "36.04.12",
  venue: null,
  audiences: ["general_public"],
  topics: ["hotlines", "step_work_visa"],
  attendance: { female: { "18_24": 12 }, male: { "25_39": 8 } },
  facilitators: ["Fasilitator A", "Fasilitator B"],
  coOrganiserOthers: [],
  materials: ["Leaflet"],
  followUps: null,
  notes: "Catatan",
  quiz: { preScore: 55.5, postScore: null, respondents: 20 },
} as unknown as SessionView;

describe("session form values", () => {
  it("shows a recorded session in WIB, with its counts, lists and quiz as typed text", () => {
    expect(sessionFormValues(session)).toEqual({
      status: "planned",
      date: "2026-01-20",
      time: "09:00",
      endTime: "11:30",
      kecamatan: "36.04.12",
      desa: "36.04.12.2001",
      venue: "",
      audiences: ["general_public"],
      topics: ["hotlines", "step_work_visa"],
      counts: { "female.18_24": "12", "male.25_39": "8" },
      facilitators: "Fasilitator A\nFasilitator B",
      coOrganisers: "",
      materials: "Leaflet",
      followUps: "",
      notes: "Catatan",
      quiz: { pre: "55.5", post: "", respondents: "20" },
    });
  });

  it("starts a new session today in WIB, on the hour", () => {
    // 23:40 UTC on 19 January is 06:40 on 20 January in Jakarta.
    const values = sessionFormValues(undefined, new Date("2026-01-19T23:40:00Z"));
    expect(values).toMatchObject({ status: "held", date: "2026-01-20", time: "06:00", desa: "", counts: {} });
  });
});

describe("a session kept on the device", () => {
  const queued = {
    id: "3f6c1b1e-7a2d-4c1e-9b7a-1d2e3f4a5b6c",
    status: "held",
    startsAt: "2026-01-21T14:00",
    endsAt: "2026-01-21T13:00",
    desaCode: "36.04.12.2001",
    venue: "Balai Desa",
    coOrganiserAgencyIds: [],
    coOrganiserOthers: ["Karang Taruna"],
    facilitators: [],
    audiences: ["youth_students"],
    topics: ["hotlines"],
    attendance: { male: { under_18: 15 } },
    materials: [],
    followUps: null,
    notes: null,
    quiz: null,
  } as SessionCreate;

  it("opens again in the form as it was recorded", () => {
    expect(queuedFormValues(queued)).toMatchObject({
      date: "2026-01-21",
      time: "14:00",
      endTime: "13:00",
      kecamatan: "36.04.12",
      desa: "36.04.12.2001",
      venue: "Balai Desa",
      coOrganisers: "Karang Taruna",
      counts: { "male.under_18": "15" },
    });
  });

  it("is refused by the form while it ends before it starts, and sent unchanged once corrected", () => {
    const values = queuedFormValues(queued);
    expect(sessionProblems(values, queued.desaCode)).toEqual({ endsAt: "endBeforeStart" });
    const fixed = { ...values, endTime: "16:00" };
    expect(sessionProblems(fixed, queued.desaCode)).toEqual({});
    expect(sessionBody(fixed, queued.id, queued.desaCode, [])).toEqual({ ...queued, endsAt: "2026-01-21T16:00" });
  });

  it("names every missing part by its field", () => {
    const empty = { ...sessionFormValues(undefined, new Date("2026-01-19T03:00:00Z")), date: "" };
    expect(sessionProblems(empty, "")).toEqual({ startsAt: "date", desaCode: "desa", audiences: "audiences", topics: "topics" });
  });
});
