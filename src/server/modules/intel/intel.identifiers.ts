// Normalising and hashing the identifiers of recruiter intelligence. Phones, handles, bank accounts and
// e-mails use the same keyed hash as report contacts and case persons (so a number in a report and in a
// case perpetrator's record is the same hash without either being decrypted); NIK the case NIK hash.
import { hmacHex, type KeyRing } from "../../lib/crypto";
import { nikHash } from "../../lib/identifiers";
import { identifierHash } from "../../lib/identifiers";
import type { IntelIdentifierKind } from "./intel.tables";

export function normaliseCompany(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/\b(pt|cv|ud|tbk|persero|sdn\s*bhd|ltd|co|inc)\b\.?/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return s.length >= 3 ? s : undefined;
}

export function normaliseLicence(raw: string): string | undefined {
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return s.length >= 5 ? s : undefined;
}

/** The keyed hash of an identifier, or undefined when the value is not one (too short, not a number…). */
export function intelHash(keys: KeyRing, kind: IntelIdentifierKind, raw: string): string | undefined {
  switch (kind) {
    case "phone":
    case "ewallet":
      return identifierHash(keys, "phone", raw);
    case "bank_account":
    case "handle":
    case "email":
      return identifierHash(keys, kind, raw);
    case "nik": {
      const d = raw.replace(/\D/g, "");
      return d.length === 16 ? nikHash(keys, d) : undefined;
    }
    case "company": {
      const n = normaliseCompany(raw);
      return n ? hmacHex(keys, "intel:company", n) : undefined;
    }
    case "licence": {
      const n = normaliseLicence(raw);
      return n ? hmacHex(keys, "intel:licence", n) : undefined;
    }
  }
}

/** What a search box entry might be: every kind it hashes as. */
export function searchHashes(keys: KeyRing, q: string): { kind: IntelIdentifierKind; hash: string }[] {
  const out: { kind: IntelIdentifierKind; hash: string }[] = [];
  const digits = q.replace(/\D/g, "");
  const kinds: IntelIdentifierKind[] =
    digits.length >= 7 && digits.length >= q.replace(/\s/g, "").length - 4
      ? ["phone", "ewallet", "bank_account", "nik"]
      : q.includes("@") && q.includes(".")
        ? ["email", "handle"]
        : ["handle", "company", "licence"];
  for (const kind of kinds) {
    const hash = intelHash(keys, kind, q);
    if (hash) out.push({ kind, hash });
  }
  return out;
}
