// Normalised contacts and their keyed hashes (blind index): two reports naming the same phone number,
// bank account or social-media handle link to each other without the values being stored readable.
import { hmacHex, type KeyRing } from "./crypto";

export const IDENTIFIER_KINDS = ["phone", "handle", "bank_account", "email"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** 0812-3456-7890, +62 812 3456 7890 and 812 3456 7890 are the same Indonesian number: 6281234567890. */
export function normalisePhone(raw: string): string | undefined {
  let d = raw.replace(/\D/g, "");
  if (d.startsWith("0")) d = `62${d.slice(1)}`;
  else if (d.startsWith("8") && d.length >= 9 && d.length <= 13) d = `62${d}`;
  return d.length >= 7 && d.length <= 16 ? d : undefined;
}

/** "@Calo_Kerja", "instagram.com/calo_kerja/" and "https://www.instagram.com/calo_kerja?igsh=x" → comparable forms. */
export function normaliseHandle(raw: string): string | undefined {
  let s = raw.trim().toLowerCase();
  s = s.replace(/^https?:\/\//, "").replace(/^(www\.|m\.)/, "");
  s = s.replace(/[?#].*$/, "").replace(/\/+$/, "");
  const slash = s.indexOf("/");
  // A profile link: keep the last path segment as the handle (platforms differ, people mix them up).
  if (slash >= 0) s = s.slice(s.lastIndexOf("/") + 1);
  s = s.replace(/^@+/, "").replace(/\s+/g, "");
  return s.length >= 2 ? s : undefined;
}

export function normaliseBankAccount(raw: string): string | undefined {
  const d = raw.replace(/\D/g, "");
  return d.length >= 6 && d.length <= 24 ? d : undefined;
}

export function normaliseEmail(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  return s.includes("@") ? s : undefined;
}

const NORMALISE: Record<IdentifierKind, (raw: string) => string | undefined> = {
  phone: normalisePhone,
  handle: normaliseHandle,
  bank_account: normaliseBankAccount,
  email: normaliseEmail,
};

/** NIK hashes share nothing with other purposes: a case person's, a screening applicant's and an intelligence NIK match. */
export function nikHash(keys: KeyRing, nik: string): string {
  return hmacHex(keys, "case-identifier:nik", nik.replace(/\D/g, ""));
}

export function identifierHash(keys: KeyRing, kind: IdentifierKind, raw: string): string | undefined {
  const n = NORMALISE[kind](raw);
  return n === undefined ? undefined : hmacHex(keys, `report-identifier:${kind}`, n);
}

/** Every identifier in a report's people list (the reporter's own contacts are not linked). */
export function identifiersOf(
  keys: KeyRing,
  people: { phones?: string[]; handles?: string[]; bankAccounts?: string[] }[],
): { kind: IdentifierKind; hash: string }[] {
  const out = new Map<string, { kind: IdentifierKind; hash: string }>();
  const add = (kind: IdentifierKind, raw: string) => {
    const hash = identifierHash(keys, kind, raw);
    if (hash) out.set(`${kind}:${hash}`, { kind, hash });
  };
  for (const p of people) {
    for (const v of p.phones ?? []) add("phone", v);
    for (const v of p.handles ?? []) add("handle", v);
    for (const v of p.bankAccounts ?? []) add("bank_account", v);
  }
  return [...out.values()];
}

/** What a free-text search might be: a phone, bank account or handle to look up by hash. */
export function searchIdentifiers(keys: KeyRing, q: string): string[] {
  const hashes: string[] = [];
  const digits = q.replace(/\D/g, "");
  if (/^[+\d\s().-]+$/.test(q) && digits.length >= 7) {
    const p = identifierHash(keys, "phone", q);
    if (p) hashes.push(p);
    const b = identifierHash(keys, "bank_account", q);
    if (b) hashes.push(b);
  }
  if (/^@\S+$/.test(q.trim()) || /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}\/\S+$/i.test(q.trim())) {
    const h = identifierHash(keys, "handle", q);
    if (h) hashes.push(h);
  }
  return hashes;
}
