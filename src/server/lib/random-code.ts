// Short codes people read aloud or copy from paper (report tracking codes, case numbers), drawn from a
// cryptographic random source.
import { randomInt } from "node:crypto";

/** No 0/O or 1/I: a code must survive being read aloud over the phone or copied from paper. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function randomCode(length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
