/** Text helpers shared by the rules: offset-preserving lower-casing, sentences, spans. */
import type { Evidence } from "./types.js";

/** Lower-cases while keeping every UTF-16 offset identical to the original text. */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase();
    out += l.length === 1 ? l : text[i];
  }
  return out;
}

export interface Sentence {
  start: number;
  end: number;
}

/** Tokens before a period that are abbreviations, not sentence ends. */
const ABBREV =
  /(?:^|[\s(])(?:jl|no|kab|kec|ds|hub|a\.n|an|ms|mr|mrs|dr|pak|bu|th|thn|tgl|min|maks|max|rp|dll|dsb|sbg|kp|rt|rw|hj|h|st|u\.p|pt|cv|d\.|s\.d|sd|tlp|telp|ust)$/;

/** Splits into sentences on newlines, ! ? • and on ". " that is not an abbreviation or number. */
export function splitSentences(lower: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const ch = lower[i];
    let cut = false;
    if (ch === "\n" || ch === "!" || ch === "?" || ch === "•" || ch === "|" || ch === ";") cut = true;
    else if (ch === "." && (i + 1 >= n || lower[i + 1] === " ")) {
      const before = lower.slice(Math.max(start, i - 6), i);
      if (!ABBREV.test(before)) cut = true;
    }
    if (cut) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (start < n) out.push({ start, end: n });
  return out;
}

/** Index of the sentence containing offset `pos` (binary search). */
export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo - 1));
}

export interface Match {
  start: number;
  end: number;
  groups: (string | undefined)[];
}

/** All matches of a global regex. The regex must have the `g` flag. */
export function findAll(re: RegExp, s: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null = re.exec(s);
  while (m !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, groups: m.slice(1) });
    if (m[0].length === 0) re.lastIndex++;
    m = re.exec(s);
  }
  return out;
}

export function firstMatch(re: RegExp, s: string): Match | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? { start: m.index, end: m.index + m[0].length, groups: m.slice(1) } : null;
}

export function evidence(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

/** Builds a word-boundary alternation that works with non-ASCII letters around it. */
export function words(list: readonly string[]): string {
  return `(?<![\\p{L}\\p{N}])(?:${list.join("|")})(?![\\p{L}\\p{N}])`;
}

/** Compiles a global, unicode regex from a source string. */
export function rx(source: string): RegExp {
  return new RegExp(source, "gu");
}
