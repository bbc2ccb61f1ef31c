// Full-text search over encrypted text: a keyed token index. Text is cut into normalised words (lower
// case, accents and punctuation gone, a few Indonesian function words dropped). Every word is indexed by
// the prefixes (3 to PREFIX_MAX letters) of itself and of what is left after removing up to three
// Indonesian affix prefixes (di-, ber-, meng-, pe-…), each prefix as an HMAC under a key derived for the
// purpose. A query word loses its suffix (-nya, -kan, -an, -i…) and up to two affix prefixes the same way
// and matches the words that start with what is left, so "pekerjaan" finds "dipekerjakan" and "gaji"
// finds "gajinya". A query matches a record holding all its words. The database holds only tokens.
// Trade-off (docs/ARCHITECTURE.md): equal tokens show a database reader which records share a word
// prefix and how often a token occurs; no ranking, no phrase search, and the affix rules are crude
// (nasal changes such as tipu/menipu are not undone).
import { createHmac } from "node:crypto";
import { deriveKey, type KeyRing } from "./crypto";

/** Longer words are indexed and searched by their first PREFIX_MAX letters. */
export const PREFIX_MAX = 10;
const PREFIX_MIN = 3;
/** Tokens kept per record: past this, later words of a very long text are not indexed. */
export const MAX_TOKENS = 5000;

/** Words too common to narrow a search (the stop words of PostgreSQL's Indonesian search, in part). */
const STOP_WORDS = new Set(
  "yang dan di ke dari untuk dengan ini itu atau pada akan ada tidak juga dalam oleh sudah telah saya aku kami kita ia dia mereka nya se pun lah kah".split(
    " ",
  ),
);

/** The normalised words of a text, in order, without stop words and one-letter words. */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}

/** Affix prefixes, longest first (the first that fits is removed). */
const AFFIX_PREFIXES = [
  "meng",
  "meny",
  "peng",
  "peny",
  "mem",
  "men",
  "pem",
  "pen",
  "ber",
  "ter",
  "per",
  "me",
  "pe",
  "di",
  "ke",
  "se",
  "be",
];
const SUFFIXES = ["nya", "lah", "kah", "pun", "kan", "an", "i"];
const len = (w: string) => [...w].length;

/** The word without its first affix prefix, when at least 3 letters stay; else the word itself. */
function stripPrefix(word: string): string {
  for (const p of AFFIX_PREFIXES) if (word.startsWith(p) && len(word) - p.length >= PREFIX_MIN) return word.slice(p.length);
  return word;
}

/** The plain tokens a word is indexed under: itself when short, else the prefixes of it and of its prefix-stripped forms. */
function wordTokens(word: string): string[] {
  if (len(word) < PREFIX_MIN) return [word];
  // Three removals: a query removes up to two, and the text may carry one more (di-pekerja-kan).
  const forms = [word];
  for (let i = 0; i < 3; i++) forms.push(stripPrefix(forms.at(-1)!));
  const out: string[] = [];
  for (const form of new Set(forms)) {
    const chars = [...form];
    for (let n = PREFIX_MIN; n <= Math.min(chars.length, PREFIX_MAX); n++) out.push(chars.slice(0, n).join(""));
  }
  return out;
}

/** The token a query word is looked up by: without one suffix (4 letters must stay) and up to two affix prefixes. */
function queryToken(word: string): string {
  if (len(word) < PREFIX_MIN) return word;
  let w = word;
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && len(w) - s.length >= 4) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return [...stripPrefix(stripPrefix(w))].slice(0, PREFIX_MAX).join("");
}

/** Hashes tokens under the purpose's derived key: 16 base64url characters (96 bits) each. */
function hasher(keys: KeyRing, purpose: string): (token: string) => string {
  const key = deriveKey(keys, `search-tokens:${purpose}`);
  return (token) => createHmac("sha256", key).update(token).digest().subarray(0, 12).toString("base64url");
}

/** The token hashes to store for a record's texts (deduplicated, at most MAX_TOKENS). */
export function indexTokens(keys: KeyRing, purpose: string, texts: readonly (string | null | undefined)[]): string[] {
  const plain = new Set<string>();
  outer: for (const text of texts) {
    if (!text) continue;
    for (const word of searchWords(text)) {
      for (const t of wordTokens(word)) {
        plain.add(t);
        if (plain.size >= MAX_TOKENS) break outer;
      }
    }
  }
  const hash = hasher(keys, purpose);
  return [...plain].map(hash);
}

/** The token hashes a query needs (all of them must be present); empty when the query has no searchable word. */
export function queryTokens(keys: KeyRing, purpose: string, query: string): string[] {
  const hash = hasher(keys, purpose);
  return [...new Set(searchWords(query).map(queryToken))].map(hash);
}
