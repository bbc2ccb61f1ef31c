// The session form's starting values: empty (today, WIB) for a new session, or those of the
// session being edited. Dates and times are shown in Asia/Jakarta.
import { AGE_BANDS, SEXES } from "../../../core/outreach-topics";
import type { SessionView } from "../villages/types";

export interface SessionFormValues {
  status: SessionView["status"];
  date: string;
  time: string;
  endTime: string;
  kecamatan: string;
  desa: string;
  venue: string;
  audiences: string[];
  topics: string[];
  /** "female.18_24" → the number as typed. */
  counts: Record<string, string>;
  facilitators: string;
  coOrganisers: string;
  materials: string;
  followUps: string;
  notes: string;
  quiz: { pre: string; post: string; respondents: string };
}

function wibParts(at: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

export function sessionFormValues(session?: SessionView, now = new Date()): SessionFormValues {
  if (!session) {
    const today = wibParts(now);
    return {
      status: "held",
      date: today.date,
      time: `${today.time.slice(0, 2)}:00`,
      endTime: "",
      kecamatan: "",
      desa: "",
      venue: "",
      audiences: [],
      topics: [],
      counts: {},
      facilitators: "",
      coOrganisers: "",
      materials: "",
      followUps: "",
      notes: "",
      quiz: { pre: "", post: "", respondents: "" },
    };
  }
  const start = wibParts(new Date(session.startsAt));
  const counts: Record<string, string> = {};
  for (const sex of SEXES) {
    for (const band of AGE_BANDS) {
      const n = session.attendance[sex]?.[band];
      if (n) counts[`${sex}.${band}`] = String(n);
    }
  }
  return {
    status: session.status,
    date: start.date,
    time: start.time,
    endTime: session.endsAt ? wibParts(new Date(session.endsAt)).time : "",
    kecamatan: session.kecamatanCode,
    desa: session.desaCode,
    venue: session.venue ?? "",
    audiences: [...session.audiences],
    topics: [...session.topics],
    counts,
    facilitators: session.facilitators.join("\n"),
    coOrganisers: session.coOrganiserOthers.join("\n"),
    materials: session.materials.join("\n"),
    followUps: session.followUps ?? "",
    notes: session.notes ?? "",
    quiz: { pre: text(session.quiz?.preScore), post: text(session.quiz?.postScore), respondents: text(session.quiz?.respondents) },
  };
}
