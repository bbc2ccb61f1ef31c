// Turns what the person typed into the body of POST /api/public/reports, leaving out empty parts,
// and maps the API's per-field error paths back to the form's fields.
import type { PersonInput, PersonRole, ReportCategory, ReportCreate } from "../../lib/reports";

export interface PersonRow {
  key: number;
  name: string;
  role: PersonRole | "";
  phones: string;
  handles: string;
  companies: string;
  bankAccounts: string;
}

export type PlaceMode = "regency" | "elsewhere" | "unknown";

export interface ReportForm {
  category: ReportCategory | "";
  description: string;
  placeMode: PlaceMode;
  kecamatan: string;
  desa: string;
  placeText: string;
  occurredOn: string;
  occurredText: string;
  people: PersonRow[];
  offerText: string;
  anonymous: boolean;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string;
  reporterRelation: string;
  consent: boolean;
}

export function emptyPerson(key: number): PersonRow {
  return { key, name: "", role: "", phones: "", handles: "", companies: "", bankAccounts: "" };
}

export function emptyForm(): ReportForm {
  return {
    category: "",
    description: "",
    placeMode: "regency",
    kecamatan: "",
    desa: "",
    placeText: "",
    occurredOn: "",
    occurredText: "",
    people: [emptyPerson(0)],
    offerText: "",
    anonymous: true,
    reporterName: "",
    reporterPhone: "",
    reporterEmail: "",
    reporterRelation: "",
    consent: false,
  };
}

/** Several values in one box, separated by commas, semicolons or new lines (companies: not by commas, "PT X, Tbk"). */
export function splitValues(text: string, commas = true): string[] {
  return text
    .split(commas ? /[,;\n]/ : /[;\n]/)
    .map((value) => value.trim())
    .filter(Boolean)
    .slice(0, 5);
}

function optional(text: string): string | undefined {
  const value = text.trim();
  return value === "" ? undefined : value;
}

function personOf(row: PersonRow): PersonInput | null {
  const person: PersonInput = {};
  const name = optional(row.name);
  if (name) person.name = name;
  const phones = splitValues(row.phones);
  if (phones.length) person.phones = phones;
  const handles = splitValues(row.handles);
  if (handles.length) person.handles = handles;
  const companies = splitValues(row.companies, false);
  if (companies.length) person.companies = companies;
  const bankAccounts = splitValues(row.bankAccounts);
  if (bankAccounts.length) person.bankAccounts = bankAccounts;
  // A role alone says nothing about anyone: a row counts only when it names or identifies someone.
  if (Object.keys(person).length === 0) return null;
  if (row.role) person.role = row.role;
  return person;
}

/** The request body; `people` keeps the form's row order so error paths ("people.2.phones.0") point at the right row. */
export function buildReport(form: ReportForm, submissionId: string, attachments: string[]): { body: ReportCreate; rowOf: number[] } {
  const body: ReportCreate = {
    submissionId,
    category: form.category as ReportCategory,
    description: form.description.trim(),
    anonymous: form.anonymous,
    consent: form.consent,
  };
  if (form.placeMode === "regency" && (form.desa || form.kecamatan)) body.location = { regionCode: form.desa || form.kecamatan };
  if (form.placeMode === "elsewhere" && optional(form.placeText)) body.location = { placeText: form.placeText.trim() };
  if (form.occurredOn) body.occurredOn = form.occurredOn;
  const occurredText = optional(form.occurredText);
  if (occurredText) body.occurredText = occurredText;
  const people: PersonInput[] = [];
  const rowOf: number[] = [];
  form.people.forEach((row, index) => {
    const person = personOf(row);
    if (person) {
      people.push(person);
      rowOf.push(index);
    }
  });
  if (people.length) body.people = people;
  const offerText = optional(form.offerText);
  if (offerText) body.offerText = offerText;
  if (!form.anonymous) {
    const reporter = {
      name: optional(form.reporterName),
      phone: optional(form.reporterPhone),
      email: optional(form.reporterEmail),
      relation: optional(form.reporterRelation),
    };
    const given = Object.fromEntries(Object.entries(reporter).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length) body.reporter = given;
  }
  if (attachments.length) body.attachments = attachments;
  return { body, rowOf };
}

/**
 * Maps API error paths to form field names: "location.regionCode" → "place", "people.1.phones.0" →
 * "people.<row>.phones", "reporter.email" → "reporterEmail", "attachments.3" → "attachments".
 */
export function formFieldOf(path: string, rowOf: readonly number[]): string {
  const parts = path.split(".");
  switch (parts[0]) {
    case "location":
      return "place";
    case "people": {
      const index = Number(parts[1]);
      const row = Number.isInteger(index) ? (rowOf[index] ?? index) : 0;
      return parts[2] ? `people.${row}.${parts[2]}` : "people";
    }
    case "reporter":
      return parts[1] ? `reporter${parts[1][0].toUpperCase()}${parts[1].slice(1)}` : "reporterName";
    case "attachments":
      return "attachments";
    default:
      return parts[0];
  }
}

export function mapFieldErrors(fields: Record<string, string>, rowOf: readonly number[]): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = formFieldOf(path, rowOf);
    mapped[field] ??= message;
  }
  return mapped;
}
