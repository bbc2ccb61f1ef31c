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
import { type Cipher, createCipheriv, createHmac } from "node:crypto";
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
// Lengths and cuts in UTF-16 units: the same on the indexing and the query side, which is all that matters.
const len = (w: string) => w.length;

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
  for (const form of new Set(forms)) for (let n = PREFIX_MIN; n <= Math.min(form.length, PREFIX_MAX); n++) out.push(form.slice(0, n));
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
  return stripPrefix(stripPrefix(w)).slice(0, PREFIX_MAX);
}

/** One ECB cipher per key ring and purpose: ECB without padding enciphers each block on its own, so it is reused. */
const ciphers = new WeakMap<KeyRing, Map<string, { key: Buffer; cipher: Cipher }>>();
function cipherFor(keys: KeyRing, purpose: string): { key: Buffer; cipher: Cipher } {
  let m = ciphers.get(keys);
  if (!m) {
    m = new Map();
    ciphers.set(keys, m);
  }
  let c = m.get(purpose);
  if (!c) {
    const key = deriveKey(keys, `search-tokens:${purpose}`);
    c = { key, cipher: createCipheriv("aes-256-ecb", key, null).setAutoPadding(false) };
    m.set(purpose, c);
  }
  return c;
}

/**
 * Keyed tokens under the purpose's derived key: 64-bit integers (decimal strings, stored as bigint: small
 * enough to keep a report's tokens inside its row and the GIN index compact). A token of up to
 * 16 bytes (nearly all: at most 10 letters) is one AES-256 block, zero-padded, enciphered with that key (a
 * keyed pseudorandom permutation: all tokens of a report in one cipher call, where an HMAC per token cost
 * milliseconds per report); a longer one (letters of other scripts) is an HMAC.
 */
function hashAll(keys: KeyRing, purpose: string, tokens: string[]): string[] {
  const { key, cipher } = cipherFor(keys, purpose);
  const blocks = Buffer.alloc(tokens.length * 16);
  const long: number[] = [];
  tokens.forEach((t, i) => {
    if (Buffer.byteLength(t, "utf8") <= 16) blocks.write(t, i * 16, "utf8");
    else long.push(i);
  });
  const out = cipher.update(blocks);
  for (const i of long)
    createHmac("sha256", key)
      .update(tokens[i]!)
      .digest()
      .copy(out, i * 16, 0, 8);
  return tokens.map((_, i) => out.readBigInt64BE(i * 16).toString());
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
  return hashAll(keys, purpose, [...plain]);
}

/** The token hashes a query needs (all of them must be present); empty when the query has no searchable word. */
export function queryTokens(keys: KeyRing, purpose: string, query: string): string[] {
  return hashAll(keys, purpose, [...new Set(searchWords(query).map(queryToken))]);
}
