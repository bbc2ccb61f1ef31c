// Persons of a case: identity fields sealed with AES-GCM before they reach the database, keyed hashes
// for exact search (NIK, phone, bank account), and the presenter that decides which fields leave.
import { type KeyRing, openList, openText, sealList, sealText } from "../../lib/crypto";
import { identifierHash, nikHash } from "../../lib/identifiers";
import type { PersonInput, PersonUpdate, PersonView } from "./cases.schema";
import type { casePersons } from "./cases.tables";
import type { AGE_BANDS } from "../../../core/cases";

type PersonRow = typeof casePersons.$inferSelect;
type PersonColumns = Partial<typeof casePersons.$inferInsert>;
export type IdentifierRow = { kind: "nik" | "phone" | "bank_account"; hash: string };

export { openText, sealText };

/** NIK hashes share nothing with other purposes (lib/identifiers.ts); phone and bank-account hashes match the reports' blind index. */
export { nikHash };
export function phoneHash(keys: KeyRing, phone: string): string | undefined {
  return identifierHash(keys, "phone", phone);
}

/** Age band in whole years on `today` (YYYY-MM-DD); children are 0-17. */
export function ageBandOf(age: number | undefined): (typeof AGE_BANDS)[number] {
  if (age === undefined || Number.isNaN(age) || age < 0) return "unknown";
  if (age < 18) return "0-17";
  if (age < 25) return "18-24";
  if (age < 35) return "25-34";
  if (age < 45) return "35-44";
  if (age < 60) return "45-59";
  return "60+";
}

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Columns to write for the given (partial) input; undefined fields are left alone. */
export function sealPerson(keys: KeyRing, input: PersonInput | PersonUpdate, today: string): PersonColumns {
  const c: PersonColumns = {};
  if (input.name !== undefined) c.nameEnc = sealText(keys, input.name);
  if (input.nik !== undefined) c.nikEnc = sealText(keys, input.nik);
  if (input.birthDate) {
    c.birthDateEnc = sealText(keys, input.birthDate);
    c.ageBand = ageBandOf(ageOn(input.birthDate, today));
  } else {
    // Cleared birth date (null): the age band falls back to the estimate, if any.
    if (input.birthDate === null) c.birthDateEnc = null;
    if (input.ageEstimate !== undefined || input.birthDate === null) c.ageBand = ageBandOf(input.ageEstimate);
  }
  if (input.phones !== undefined) c.phonesEnc = sealList(keys, input.phones);
  if (input.address !== undefined) c.addressEnc = sealText(keys, input.address);
  if (input.aliases !== undefined) c.aliasesEnc = sealList(keys, input.aliases);
  if (input.bankAccounts !== undefined) c.bankAccountsEnc = sealList(keys, input.bankAccounts);
  if (input.companies !== undefined) c.companies = input.companies;
  if (input.sex !== undefined) c.sex = input.sex;
  if (input.desaCode !== undefined) c.desaCode = input.desaCode;
  if (input.pmiStatus !== undefined) c.pmiStatus = input.pmiStatus;
  if (input.citizenship !== undefined) c.citizenship = input.citizenship;
  if (input.relationship !== undefined) c.relationship = input.relationship;
  if (input.perpetratorRoles !== undefined) c.perpetratorRoles = input.perpetratorRoles;
  if (input.relationshipToTrafficker !== undefined) c.relationshipToTrafficker = input.relationshipToTrafficker;
  if (input.ageWhenTrafficked !== undefined) c.ageWhenTrafficked = input.ageWhenTrafficked;
  return c;
}

/** The blind-index rows of a person's current identifiers (recomputed from the decrypted row). */
export function identifiersOfPerson(keys: KeyRing, p: { nik: string | null; phones: string[]; bankAccounts: string[] }): IdentifierRow[] {
  const out = new Map<string, IdentifierRow>();
  if (p.nik) out.set(`nik:${nikHash(keys, p.nik)}`, { kind: "nik", hash: nikHash(keys, p.nik) });
  for (const ph of p.phones) {
    const h = phoneHash(keys, ph);
    if (h) out.set(`phone:${h}`, { kind: "phone", hash: h });
  }
  for (const b of p.bankAccounts) {
    const h = identifierHash(keys, "bank_account", b);
    if (h) out.set(`bank_account:${h}`, { kind: "bank_account", hash: h });
  }
  return [...out.values()];
}

export type OpenPerson = {
  id: string;
  kind: PersonRow["kind"];
  name: string | null;
  nik: string | null;
  birthDate: string | null;
  phones: string[];
  address: string | null;
  aliases: string[];
  bankAccounts: string[];
  row: PersonRow;
};

export function openPerson(keys: KeyRing, row: PersonRow): OpenPerson {
  return {
    id: row.id,
    kind: row.kind,
    name: openText(keys, row.nameEnc),
    nik: openText(keys, row.nikEnc),
    birthDate: openText(keys, row.birthDateEnc),
    phones: openList(keys, row.phonesEnc),
    address: openText(keys, row.addressEnc),
    aliases: openList(keys, row.aliasesEnc),
    bankAccounts: openList(keys, row.bankAccountsEnc),
    row,
  };
}

/**
 * Field-level presenter. `identity`: name, NIK, birth date, phones, address (and a perpetrator's
 * aliases and accounts). Without it only sex, age band, desa, PMI status leave the server, and nothing
 * is decrypted at all.
 */
export function presentPerson(keys: KeyRing, row: PersonRow, opts: { identity: boolean }): PersonView {
  const base: PersonView = {
    id: row.id,
    kind: row.kind,
    sex: row.sex,
    ageBand: row.ageBand,
    desaCode: row.desaCode,
    pmiStatus: row.pmiStatus,
  };
  if (!opts.identity) return base;
  const o = openPerson(keys, row);
  return {
    ...base,
    name: o.name,
    nik: o.nik,
    birthDate: o.birthDate,
    phones: o.phones,
    address: o.address,
    citizenship: row.citizenship,
    relationship: row.relationship,
    perpetratorRoles: row.perpetratorRoles,
    aliases: o.aliases,
    bankAccounts: o.bankAccounts,
    companies: row.companies,
    relationshipToTrafficker: row.relationshipToTrafficker,
    ageWhenTrafficked: row.ageWhenTrafficked,
  };
}
