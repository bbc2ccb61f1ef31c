// What a PDF must be before we keep it: whole (not cut off in transit) and passive. Staff open these
// files in a reader on an office computer; a document that runs JavaScript, acts on opening, launches
// programs, carries other files, submits forms or holds an XFA form is refused, not "cleaned": removing
// one key could leave the rest of an attack in place. Names are compared after their #xx escapes are
// decoded (/J#61vaScript is /JavaScript), and dictionaries inside compressed object streams are read
// too (inflated, bounded); an object stream we cannot read is refused by objectStreamBody.
import { Budget, entriesOf, objectStreamBody, PdfNotCleanable, scanObjects } from "./pdf-metadata";

export class PdfRefused extends Error {
  constructor(readonly code: "pdf_broken" | "pdf_active_content") {
    super(code);
  }
}

/** Keys and action types that make a PDF act on its own or hide other content. */
export const ACTIVE_PDF_NAMES = new Set([
  "JavaScript",
  "JS",
  "OpenAction",
  "AA",
  "Launch",
  "EmbeddedFile",
  "EmbeddedFiles",
  "RichMedia",
  "RichMediaExecute",
  "XFA",
  "SubmitForm",
  "ImportData",
  "GoToE",
  "GoToR",
  "Rendition",
]);

/** At most this much inflated object-stream data per file (each stream is capped by objectStreamBody too). */
const MAX_INFLATED_TOTAL = 32 * 1024 * 1024;
/** %%EOF must be this close to the end (writers append a newline or a few NULs at most). */
const EOF_WINDOW = 1024;

const NAME = /\/([^\s\0()<>[\]{}/%]*)/g;

/** A name token's text with its #xx escapes decoded. */
export function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function activeNameIn(text: string): string | undefined {
  for (const m of text.matchAll(NAME)) {
    const name = decodeName(m[1]!);
    if (ACTIVE_PDF_NAMES.has(name)) return name;
  }
  return undefined;
}

/**
 * The file ends as a PDF ends: "startxref", an offset, "%%EOF"; the offset points at a cross-reference
 * table whose sections parse and that is followed by a trailer dictionary, or at a cross-reference stream
 * object. A truncated upload fails here.
 */
function checkStructure(s: string): void {
  const broken = () => new PdfRefused("pdf_broken");
  if (!s.startsWith("%PDF-")) throw broken();
  const eof = s.lastIndexOf("%%EOF");
  if (eof < 0 || eof < s.length - EOF_WINDOW) throw broken();
  const sx = s.lastIndexOf("startxref", eof);
  const offset = sx < 0 ? null : /^startxref[\s\0]+(\d{1,10})[\s\0]*$/.exec(s.slice(sx, eof));
  if (!offset) throw broken();
  let at = Number(offset[1]);
  if (at <= 0 || at >= sx) throw broken();
  while (at < sx && /[\s\0]/.test(s[at]!)) at++;
  if (s.startsWith("xref", at)) {
    at += 4;
    // Subsections: "first count" then count entries of 20 bytes ("nnnnnnnnnn ggggg n\r\n").
    for (;;) {
      const head = /^[\s\0]*(\d{1,10})[ \t]+(\d{1,10})[ \t]*(\r\n|\r|\n)/.exec(s.slice(at, at + 32));
      if (!head) break;
      at += head[0].length;
      const count = Number(head[2]);
      if (at + count * 20 > sx) throw broken();
      for (let k = 0; k < count; k++, at += 20) {
        if (!/^\d{10} \d{5} [nf][\s\0]{2}$/.test(s.slice(at, at + 20))) throw broken();
      }
    }
    const trailer = /^[\s\0]*trailer[\s\0]*/.exec(s.slice(at, at + 64));
    if (!trailer) throw broken();
    try {
      if (!entriesOf(s, at + trailer[0].length).has("Root")) throw broken();
    } catch {
      throw broken();
    }
    return;
  }
  const obj = /^\d{1,10}[\s\0]+\d{1,5}[\s\0]+obj[\s\0]*/.exec(s.slice(at, at + 40));
  if (!obj) throw broken();
  try {
    const entries = entriesOf(s, at + obj[0].length);
    const type = entries.get("Type");
    if (!type || decodeName(s.slice(type.valueStart, type.end).trim()) !== "/XRef" || !entries.has("Root")) throw broken();
  } catch {
    throw broken();
  }
}

/**
 * Refuses a truncated PDF (`pdf_broken`) and one with active content (`pdf_active_content`); throws
 * PdfNotCleanable for an object stream it cannot read.
 */
export function checkPdf(buf: Buffer): void {
  const s = buf.toString("latin1");
  checkStructure(s);
  const objects = scanObjects(s, new Budget());
  // Names outside stream data: every dictionary of the file, wherever the object scan found it or not.
  const outside = Buffer.from(buf);
  for (const o of objects) if (o.stream) outside.fill(0x20, o.stream.start, o.stream.end);
  if (activeNameIn(outside.toString("latin1"))) throw new PdfRefused("pdf_active_content");
  // Dictionaries packed into object streams (PDF 1.5+): read them inflated.
  let inflated = 0;
  for (const o of objects) {
    if (!o.dict || !o.stream) continue;
    const entries = entriesOf(s, o.dict.start);
    const type = entries.get("Type");
    const isObjStm =
      (type && decodeName(s.slice(type.valueStart, type.end).trim()) === "/ObjStm") || (entries.has("N") && entries.has("First"));
    if (!isObjStm) continue;
    const body = objectStreamBody(s, entries, o.stream);
    inflated += body.length;
    if (inflated > MAX_INFLATED_TOTAL) throw new PdfNotCleanable("object streams too large");
    if (activeNameIn(body.toString("latin1"))) throw new PdfRefused("pdf_active_content");
  }
}
