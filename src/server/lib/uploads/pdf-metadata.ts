// PDF metadata removal. A PDF's document information dictionary (Author, Creator, Producer, Title,
// dates, any custom key) and its XMP metadata streams can name the reporter or their device. We blank
// them by same-length, in-place edits: every byte offset in the cross-reference table (or stream)
// stays valid, so the file stays readable without rewriting its structure. What is blanked is gone
// from the bytes, not merely hidden behind an incremental update.
//
// Refused (PdfNotCleanable): encrypted files (their strings and streams cannot be edited without the
// key) and files whose information dictionary lives inside a compressed object stream (editing it
// would change the stream's length and every offset after it). The reporter is asked for a photo or
// a plain PDF instead.

import { inflateSync } from "node:zlib";

export class PdfNotCleanable extends Error {}

export type PdfObject = {
  num: number;
  gen: number;
  /** Offsets of "<<" and just after the matching ">>" (absent when the object is not a dictionary). */
  dict?: { start: number; end: number };
  /** Stream data [start, end) when the object is a stream. */
  stream?: { start: number; end: number };
};

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) => "()<>[]{}/%".includes(String.fromCharCode(c));

class Cursor {
  constructor(
    readonly s: string,
    public i: number,
  ) {}

  code(k = 0): number {
    return this.s.charCodeAt(this.i + k);
  }

  /** Skips white space and comments. */
  space(): void {
    while (this.i < this.s.length) {
      const c = this.code();
      if (isWhite(c)) this.i++;
      else if (c === 0x25 /* % */) {
        while (this.i < this.s.length && this.code() !== 0x0a && this.code() !== 0x0d) this.i++;
      } else break;
    }
  }

  fail(): never {
    throw new SyntaxError("malformed PDF object");
  }

  /** Moves past one value: name, number, reference, string, hex string, array, dictionary or keyword. */
  value(): void {
    this.space();
    const c = this.code();
    if (Number.isNaN(c)) this.fail();
    if (c === 0x28 /* ( */) {
      this.literalString();
      return;
    }
    if (c === 0x3c /* < */) {
      if (this.code(1) === 0x3c) {
        this.dictionary();
        return;
      }
      const close = this.s.indexOf(">", this.i);
      if (close < 0) this.fail();
      this.i = close + 1;
      return;
    }
    if (c === 0x5b /* [ */) {
      this.i++;
      for (;;) {
        this.space();
        if (this.code() === 0x5d) {
          this.i++;
          return;
        }
        this.value();
      }
    }
    if (c === 0x2f /* / */) {
      this.i++;
      this.regular();
      return;
    }
    const start = this.i;
    this.regular();
    if (this.i === start) this.fail();
    // "12 0 R": an indirect reference is three tokens.
    const ref = /^[\s\0]+\d+[\s\0]+R(?![^\s\0()<>[\]{}/%])/.exec(this.s.slice(this.i, this.i + 40));
    if (/^\d+$/.test(this.s.slice(start, this.i)) && ref) this.i += ref[0].length;
  }

  private regular(): void {
    while (this.i < this.s.length && !isWhite(this.code()) && !isDelimiter(this.code())) this.i++;
  }

  private literalString(): void {
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.code();
      if (c === 0x5c /* \ */) this.i += 2;
      else {
        if (c === 0x28) depth++;
        else if (c === 0x29 && --depth === 0) {
          this.i++;
          return;
        }
        this.i++;
      }
    }
    this.fail();
  }

  /** Parses "<< /Key value ... >>" and returns its top-level entries with their spans. */
  dictionary(): Map<string, { start: number; valueStart: number; end: number }> {
    const entries = new Map<string, { start: number; valueStart: number; end: number }>();
    if (this.s.startsWith("<<", this.i)) this.i += 2;
    else this.fail();
    for (;;) {
      this.space();
      if (this.s.startsWith(">>", this.i)) {
        this.i += 2;
        return entries;
      }
      if (this.code() !== 0x2f) this.fail();
      const start = this.i;
      this.i++;
      this.regular();
      const key = this.s.slice(start + 1, this.i);
      const valueStart = this.i;
      this.value();
      entries.set(key, { start, valueStart, end: this.i });
    }
  }
}

/**
 * A failed parse may scan to the end of the file; a crafted upload with many broken objects would make
 * that quadratic. Past this many failures the file is refused instead.
 */
const MAX_PARSE_FAILURES = 16;

export class Budget {
  private failures = 0;
  failed(): void {
    if (++this.failures > MAX_PARSE_FAILURES) throw new PdfNotCleanable("malformed PDF");
  }
}

/** Reads every top-level "N G obj" in file order, skipping stream data so binary never parses as objects. */
export function scanObjects(s: string, budget: Budget): PdfObject[] {
  const objects: PdfObject[] = [];
  const header = /(?<![0-9])(\d+)[\s\0]+(\d+)[\s\0]+obj(?![^\s\0()<>[\]{}/%])/g;
  for (let m = header.exec(s); m; m = header.exec(s)) {
    const obj: PdfObject = { num: Number(m[1]), gen: Number(m[2]) };
    objects.push(obj);
    const c = new Cursor(s, header.lastIndex);
    c.space();
    if (!s.startsWith("<<", c.i)) continue;
    const start = c.i;
    let entries: ReturnType<Cursor["dictionary"]>;
    try {
      entries = c.dictionary();
    } catch {
      budget.failed();
      continue;
    }
    obj.dict = { start, end: c.i };
    header.lastIndex = c.i;
    const after = /^[\s\0]*stream(\r\n|\n|\r)/.exec(s.slice(c.i, c.i + 64));
    if (!after) continue;
    const dataStart = c.i + after[0].length;
    const lengthEntry = entries.get("Length");
    const direct = lengthEntry ? /^[\s\0]*(\d+)[\s\0]*$/.exec(s.slice(lengthEntry.valueStart, lengthEntry.end)) : null;
    let dataEnd = direct ? dataStart + Number(direct[1]) : -1;
    if (dataEnd < 0 || dataEnd > s.length || !/^[\s\0]*endstream/.test(s.slice(dataEnd, dataEnd + 32))) {
      // Indirect or wrong /Length: the data ends before the next "endstream".
      const e = s.indexOf("endstream", dataStart);
      if (e < 0) break;
      dataEnd = e;
      while (dataEnd > dataStart && (s[dataEnd - 1] === "\n" || s[dataEnd - 1] === "\r")) dataEnd--;
    }
    obj.stream = { start: dataStart, end: dataEnd };
    header.lastIndex = dataEnd;
  }
  return objects;
}

export function entriesOf(s: string, at: number) {
  return new Cursor(s, at).dictionary();
}

export const nameValue = (s: string, e: { valueStart: number; end: number } | undefined) =>
  e ? s.slice(e.valueStart, e.end).trim() : undefined;

/** Inflated object streams larger than this are refused: a few KB of Flate data can claim gigabytes. */
const MAX_OBJECT_STREAM_BYTES = 8 * 1024 * 1024;

/**
 * The decoded body of an object stream (plain or FlateDecode without predictor, at most 8 MB); throws
 * PdfNotCleanable when it cannot be read, so nothing hides in a stream we cannot look into.
 */
export function objectStreamBody(
  s: string,
  entries: Map<string, { valueStart: number; end: number }>,
  data: { start: number; end: number },
): Buffer {
  const filter = nameValue(s, entries.get("Filter"));
  if (entries.has("DecodeParms")) throw new PdfNotCleanable("unreadable object stream");
  const raw = Buffer.from(s.slice(data.start, data.end), "latin1");
  if (filter === undefined) return raw;
  if (filter !== "/FlateDecode" && filter !== "[/FlateDecode]") throw new PdfNotCleanable("object stream with an unsupported filter");
  try {
    return inflateSync(raw, { maxOutputLength: MAX_OBJECT_STREAM_BYTES });
  } catch {
    throw new PdfNotCleanable("unreadable object stream");
  }
}

/** Object numbers an object stream holds (its header of "number offset" pairs); throws when it cannot be read. */
function objectStreamMembers(
  s: string,
  entries: Map<string, { valueStart: number; end: number }>,
  data: { start: number; end: number },
): number[] {
  const n = Number(nameValue(s, entries.get("N")));
  const first = Number(nameValue(s, entries.get("First")));
  if (!Number.isInteger(n) || !Number.isInteger(first)) throw new PdfNotCleanable("unreadable object stream");
  const body = objectStreamBody(s, entries, data);
  const numbers = body
    .toString("latin1", 0, first)
    .trim()
    .split(/[\s\0]+/);
  return numbers.filter((_, i) => i % 2 === 0 && i < 2 * n).map(Number);
}

/** Info keys that identify who made a file or on what; a dictionary holding them is treated as an Info dictionary. */
const INFO_SIGNS = ["Author", "Creator", "Producer"];

const EMPTY_XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta><?xpacket end="w"?>';

/**
 * Blanks the information dictionary and XMP metadata of a PDF. The result has the same length and
 * the same object offsets as the input. Throws PdfNotCleanable when that cannot be done safely.
 */
export function stripPdf(buf: Buffer): { data: Buffer; stripped: string[] } {
  const s = buf.toString("latin1");
  const out = Buffer.from(buf);
  const stripped = new Set<string>();
  const budget = new Budget();
  const objects = scanObjects(s, budget);

  // Trailer dictionaries: classic "trailer << >>" and the dictionaries of cross-reference streams.
  const trailers: Map<string, { start: number; valueStart: number; end: number }>[] = [];
  for (let at = s.indexOf("trailer"); at >= 0; at = s.indexOf("trailer", at + 7)) {
    const c = new Cursor(s, at + 7);
    c.space();
    if (!s.startsWith("<<", c.i)) continue;
    try {
      trailers.push(entriesOf(s, c.i));
    } catch {
      budget.failed(); // "trailer" inside some other text
    }
  }
  for (const o of objects) {
    if (!o.dict || !o.stream) continue;
    const entries = entriesOf(s, o.dict.start);
    if (nameValue(s, entries.get("Type")) === "/XRef") trailers.push(entries);
  }
  if (trailers.some((t) => t.has("Encrypt"))) throw new PdfNotCleanable("encrypted PDF");

  const blankDictionary = (o: PdfObject) => {
    // Keep "<<" and ">>", overwrite everything between with spaces: an empty dictionary.
    out.fill(0x20, o.dict!.start + 2, o.dict!.end - 2);
    stripped.add("info");
  };

  // The information dictionaries the trailers name, in every revision of the file.
  const infoNums = new Set<number>();
  for (const t of trailers) {
    const ref = /^[\s\0]*(\d+)[\s\0]+(\d+)[\s\0]+R/.exec(s.slice(t.get("Info")?.valueStart ?? 0, t.get("Info")?.end ?? 0));
    if (!ref) continue;
    const [num, gen] = [Number(ref[1]), Number(ref[2])];
    infoNums.add(num);
    const found = objects.filter((o) => o.num === num && o.gen === gen && o.dict && !o.stream);
    if (found.length === 0) throw new PdfNotCleanable("information dictionary in an object stream");
    for (const o of found) blankDictionary(o);
  }
  // A later revision may hold the Info dictionary inside a compressed object stream: refuse those.
  if (infoNums.size > 0) {
    for (const o of objects) {
      if (!o.dict || !o.stream) continue;
      const entries = entriesOf(s, o.dict.start);
      if (nameValue(s, entries.get("Type")) !== "/ObjStm") continue;
      if (objectStreamMembers(s, entries, o.stream).some((n) => infoNums.has(n)))
        throw new PdfNotCleanable("information dictionary in an object stream");
    }
  }

  for (const o of objects) {
    if (!o.dict) continue;
    const entries = entriesOf(s, o.dict.start);
    const type = nameValue(s, entries.get("Type"));
    if (!o.stream) {
      // An information dictionary left by an earlier revision that no trailer names any more.
      if (!type && !entries.has("Subtype") && !entries.has("Parent") && INFO_SIGNS.some((k) => entries.has(k))) blankDictionary(o);
      continue;
    }
    if (type !== "/Metadata") continue;
    // XMP: drop the filters (the new content is plain text) and replace the packet in place.
    for (const key of ["Filter", "DecodeParms"]) {
      const e = entries.get(key);
      if (e) out.fill(0x20, e.start, e.end);
    }
    const { start, end } = o.stream;
    out.fill(0x20, start, end);
    if (end - start >= EMPTY_XMP.length) out.write(EMPTY_XMP, start, "latin1");
    stripped.add("xmp");
  }
  return { data: out, stripped: [...stripped] };
}
