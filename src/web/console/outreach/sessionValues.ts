// The session form's values: empty (today, WIB) for a new session, those of the session being
// edited, or those of a session kept on the device (opened again to fix what the server refused);
// the checks the form makes before sending, and the body it sends. Dates and times are in Asia/Jakarta.
import { AGE_BANDS, SEXES } from "../../../core/outreach-topics";
import type { SessionCreate, SessionView } from "../villages/types";

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
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Jakarta",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
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
  const counts = countsOf(session.attendance);
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

function countsOf(attendance: SessionCreate["attendance"] | SessionView["attendance"] | undefined): Record<string, string> {
  const counts: Record<string, string> = {};
  for (const sex of SEXES) {
    for (const band of AGE_BANDS) {
      const n = attendance?.[sex]?.[band];
      if (n) counts[`${sex}.${band}`] = String(n);
    }
  }
  return counts;
}

/** "2026-01-20T09:00" as the form writes it, or a full ISO instant, as WIB date and time. */
function localParts(value: string): { date: string; time: string } {
  const plain = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (plain) return { date: plain[1]!, time: plain[2]! };
  return wibParts(new Date(value));
}

/** The values of a session kept on the device, to correct it and send it again with the same id. */
export function queuedFormValues(body: SessionCreate): SessionFormValues {
  const start = localParts(body.startsAt);
  return {
    status: body.status ?? "held",
    date: start.date,
    time: start.time,
    endTime: body.endsAt ? localParts(body.endsAt).time : "",
    kecamatan: body.desaCode.split(".").slice(0, 3).join("."),
    desa: body.desaCode,
    venue: body.venue ?? "",
    audiences: [...body.audiences],
    topics: [...body.topics],
    counts: countsOf(body.attendance),
    facilitators: (body.facilitators ?? []).join("\n"),
    coOrganisers: (body.coOrganiserOthers ?? []).join("\n"),
    materials: (body.materials ?? []).join("\n"),
    followUps: body.followUps ?? "",
    notes: body.notes ?? "",
    quiz: { pre: text(body.quiz?.preScore), post: text(body.quiz?.postScore), respondents: text(body.quiz?.respondents) },
  };
}

export type SessionProblem = "date" | "endBeforeStart" | "desa" | "audiences" | "topics";

/** What the form refuses before sending, by the server's field name. */
export function sessionProblems(values: SessionFormValues, desaCode: string): Partial<Record<string, SessionProblem>> {
  const problems: Partial<Record<string, SessionProblem>> = {};
  if (!values.date || !values.time) problems.startsAt = "date";
  else if (values.endTime && values.endTime < values.time) problems.endsAt = "endBeforeStart";
  if (!desaCode) problems.desaCode = "desa";
  if (values.audiences.length === 0) problems.audiences = "audiences";
  if (values.topics.length === 0) problems.topics = "topics";
  return problems;
}

const lines = (value: string) =>
  value
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The body sent to the server (and kept in the outbox). */
export function sessionBody(values: SessionFormValues, id: string, desaCode: string, coOrganiserAgencyIds: string[]): SessionCreate {
  const attendance: Record<string, Record<string, number>> = {};
  for (const sex of SEXES) {
    for (const band of AGE_BANDS) {
      const n = Number.parseInt(values.counts[`${sex}.${band}`] ?? "", 10);
      if (Number.isFinite(n) && n > 0) attendance[sex] = { ...attendance[sex], [band]: n };
    }
  }
  const { quiz } = values;
  const score = (value: string) => (value.trim() === "" ? null : Number(value.replace(",", ".")));
  const hasQuiz = quiz.pre || quiz.post || quiz.respondents;
  return {
    id,
    status: values.status,
    startsAt: `${values.date}T${values.time}`,
    endsAt: values.endTime ? `${values.date}T${values.endTime}` : null,
    desaCode,
    venue: values.venue.trim() || null,
    coOrganiserAgencyIds,
    coOrganiserOthers: lines(values.coOrganisers),
    facilitators: lines(values.facilitators),
    audiences: values.audiences as SessionCreate["audiences"],
    attendance: attendance as SessionCreate["attendance"],
    topics: values.topics as SessionCreate["topics"],
    materials: lines(values.materials),
    followUps: values.followUps.trim() || null,
    notes: values.notes.trim() || null,
    quiz: hasQuiz
      ? {
          preScore: score(quiz.pre),
          postScore: score(quiz.post),
          respondents: quiz.respondents ? Number.parseInt(quiz.respondents, 10) : null,
        }
      : null,
  };
}

/** People counted in the attendance table. */
export function attendanceTotal(counts: Record<string, string>): number {
  return Object.values(counts).reduce((sum, value) => sum + (Number.parseInt(value, 10) || 0), 0);
}
