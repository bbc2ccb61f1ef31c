// Tracking codes and PINs for public reports, from a cryptographic random source.
import { hmacHex, type KeyRing } from "../../lib/crypto";
import { CODE_ALPHABET, randomCode } from "../../lib/random-code";

export const CODE_LENGTH = 10; // 32^10 = 2^50 codes
export const PIN_LENGTH = 6;

export function newTrackingCode(): string {
  return randomCode(CODE_LENGTH);
}

/** ABCDE23456 → ABCDE-23456 (what people see). */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Accepts lower case, spaces and dashes; returns undefined when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  if (s.length !== CODE_LENGTH) return undefined;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return s;
}

/**
 * The PIN is derived from the client's submission id with the server key: a client that lost the
 * 201 response (flaky mobile network) and retries with the same submission id gets the same code and
 * the same PIN back. Nobody else knows the submission id (a random UUID the client made); the
 * database stores neither the id nor the PIN, only keyed hashes.
 */
export function pinFor(keys: KeyRing, submissionId: string): string {
  const h = hmacHex(keys, "report-pin-derive", submissionId.toLowerCase());
  // 52 bits of the HMAC reduced to 6 digits: the modulo bias is below 2^-32.
  return (Number.parseInt(h.slice(0, 13), 16) % 10 ** PIN_LENGTH).toString().padStart(PIN_LENGTH, "0");
}

/**
 * Keyed hash (HMAC-SHA-256 with the server key) instead of argon2: the PIN space is small (10^6), so
 * a slow hash would not stop an offline attack anyway — the key, kept outside the database, does;
 * online guessing is stopped by rate limits and a per-report lockout. argon2 would cost ~50 ms of
 * CPU per intake and per lookup, an easy denial of service on a public endpoint.
 */
export function pinHash(keys: KeyRing, trackingCode: string, pin: string): string {
  return hmacHex(keys, "report-pin", `${trackingCode}:${pin}`);
}

export function submissionHash(keys: KeyRing, submissionId: string): string {
  return hmacHex(keys, "report-submission", submissionId.toLowerCase());
}
