import fs from "node:fs";
import { deflateSync, inflateSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { AttachmentStore } from "../../lib/uploads/attachments";
import { PdfNotCleanable, stripPdf } from "../../lib/uploads/pdf-metadata";
import { uploadAttachment } from "./reports.fixtures";
import { reportAttachments } from "./reports.tables";
import { readSealed } from "../../lib/uploads/uploads";

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ibu Sari Wulandari</dc:creator></rdf:Description>
<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Samsung SM-A035F</xmp:CreatorTool></rdf:Description>
</rdf:RDF></x:xmpmeta>${" ".repeat(200)}
<?xpacket end="w"?>`;

const CONTENT = "BT /F1 18 Tf 40 100 Td (Lowongan kerja Malaysia gaji 15 juta) Tj ET";

type Obj = { num: number; body: string | Buffer };

/**
 * Writes a PDF the way producers do: header, objects, a cross-reference table with byte offsets and a
 * trailer. `update` appends an incremental update (new objects, a second xref section and trailer).
 */
function buildPdf(objects: Obj[], trailer: string, update?: { objects: Obj[]; trailer: string }): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.6\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let size = parts[0]!.length;
  const push = (b: Buffer | string) => {
    const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    parts.push(buf);
    size += buf.length;
  };
  const section = (objs: Obj[], trailerDict: string, prev?: number) => {
    const offsets = new Map<number, number>();
    for (const o of objs) {
      offsets.set(o.num, size);
      push(`${o.num} 0 obj\n`);
      push(o.body);
      push("\nendobj\n");
    }
    const xrefAt = size;
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    let xref = prev === undefined ? "xref\n0 1\n0000000000 65535 f \n" : "xref\n";
    for (const n of nums) xref += `${n} 1\n${String(offsets.get(n)).padStart(10, "0")} 00000 n \n`;
    push(xref);
    push(`trailer\n<< ${trailerDict}${prev === undefined ? "" : ` /Prev ${prev}`} >>\nstartxref\n${xrefAt}\n%%EOF\n`);
    return xrefAt;
  };
  const first = section(objects, trailer);
  if (update) section(update.objects, update.trailer, first);
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer | string) => {
  const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, "latin1"),
    bytes,
    Buffer.from("\nendstream", "latin1"),
  ]);
};

/** A one-page PDF as a phone's "print to PDF" writes it, with an Info dictionary and a compressed XMP packet. */
function phonePdf(): Buffer {
  return buildPdf(
    [
      { num: 1, body: "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>" },
      { num: 2, body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      { num: 3, body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>" },
      { num: 4, body: stream("", CONTENT) },
      { num: 5, body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
      { num: 6, body: stream("/Type /Metadata /Subtype /XML /Filter /FlateDecode", deflateSync(Buffer.from(XMP, "latin1"))) },
      {
        num: 7,
        body:
          "<< /Author (Ibu Sari \\(Tirtayasa\\)) /Creator <53616d73756e67> /Producer (Samsung SM-A035F Android 12) /Title (Laporan anak saya)" +
          " /CreationDate (D:20261101083000+07'00') /ModDate (D:20261101083000+07'00') /Company (PT Keluarga) >>",
      },
    ],
    "/Size 8 /Root 1 0 R /Info 7 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
  );
}

/** Checks the cross-reference sections still point at "N 0 obj" for every object they list. */
function xrefHolds(pdf: Buffer): boolean {
  const s = pdf.toString("latin1");
  let checked = 0;
  for (const m of s.matchAll(/xref\n([\s\S]*?)trailer/g)) {
    const lines = m[1]!.trim().split("\n");
    let num = 0;
    for (const line of lines) {
      const head = /^(\d+) (\d+)$/.exec(line.trim());
      if (head) {
        num = Number(head[1]);
        continue;
      }
      const [off, , kind] = line.trim().split(" ");
      if (kind === "n" && !s.startsWith(`${num} 0 obj`, Number(off))) return false;
      if (kind === "n") checked++;
      num++;
    }
  }
  return checked > 0;
}

function streamsOf(pdf: Buffer): string[] {
  const s = pdf.toString("latin1");
  return [...s.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1]!);
}

describe("PDF metadata", () => {
  it("blanks the Info dictionary and the XMP packet without moving any object", () => {
    const src = phonePdf();
    expect(src.toString("latin1")).toContain("Ibu Sari");
    const { data, stripped } = stripPdf(src);
    expect(stripped.sort()).toEqual(["info", "xmp"]);
    const text = data.toString("latin1");
    for (const secret of ["Ibu Sari", "Samsung", "53616d73756e67", "Laporan anak saya", "D:2026", "PT Keluarga"])
      expect(text).not.toContain(secret);
    // Same length, every xref offset still valid, the page and its content untouched.
    expect(data.length).toBe(src.length);
    expect(xrefHolds(src)).toBe(true);
    expect(xrefHolds(data)).toBe(true);
    expect(text).toContain(CONTENT);
    expect(text).toContain("/Type /Catalog /Pages 2 0 R");
    expect(text).toMatch(/7 0 obj\n<<\s+>>\nendobj/);
    // The XMP stream is now plain text (its filter removed) holding an empty packet.
    expect(text).not.toContain("/FlateDecode");
    const xmp = streamsOf(data).find((x) => x.includes("xpacket"))!;
    expect(xmp).toContain("<x:xmpmeta");
    expect(xmp).not.toContain("creator");
    // The file identifier and structure stay; running it again changes nothing.
    expect(stripPdf(data).data.equals(data)).toBe(true);
  });

  it("blanks every revision's Info dictionary after incremental updates", () => {
    const src = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { num: 2, body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { num: 3, body: "<< /Author (Pak Ahmad) /Producer (LibreOffice 7.3) >>" },
      ],
      "/Size 4 /Root 1 0 R /Info 3 0 R",
      { objects: [{ num: 3, body: "<< /Author (Pak Ahmad Fauzi) /ModDate (D:20261102) >>" }], trailer: "/Size 4 /Root 1 0 R /Info 3 0 R" },
    );
    const { data } = stripPdf(src);
    expect(data.toString("latin1")).not.toContain("Ahmad");
    expect(data.toString("latin1")).not.toContain("LibreOffice");
    expect(xrefHolds(data)).toBe(true);
  });

  it("does not touch compressed page content that happens to look like metadata", () => {
    const page = deflateSync(Buffer.from("BT (/Author \\(Ibu Sari\\)) Tj ET 9 0 obj << /Author (x) >>", "latin1"));
    const src = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { num: 2, body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { num: 4, body: stream("/Filter /FlateDecode", page) },
      ],
      "/Size 5 /Root 1 0 R",
    );
    const { data, stripped } = stripPdf(src);
    expect(stripped).toEqual([]);
    expect(data.equals(src)).toBe(true);
    expect(inflateSync(Buffer.from(streamsOf(data)[0]!, "latin1")).toString("latin1")).toContain("Ibu Sari");
  });

  it("refuses encrypted PDFs and Info dictionaries hidden in object streams", () => {
    const encrypted = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { num: 2, body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { num: 3, body: "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>" },
        { num: 4, body: "<< /Author (Ibu Sari) >>" },
      ],
      "/Size 5 /Root 1 0 R /Info 4 0 R /Encrypt 3 0 R",
    );
    expect(() => stripPdf(encrypted)).toThrow(PdfNotCleanable);
    const objStm = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { num: 2, body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        {
          num: 5,
          body: stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflateSync(Buffer.from("9 0 << /Author (Ibu Sari) >>"))),
        },
      ],
      "/Size 10 /Root 1 0 R /Info 9 0 R",
    );
    expect(() => stripPdf(objStm)).toThrow(PdfNotCleanable);
    // A later revision moved the Info dictionary into an object stream: the old plain copy is not enough.
    const moved = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { num: 2, body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { num: 9, body: "<< /Author (Ibu Sari) >>" },
      ],
      "/Size 10 /Root 1 0 R /Info 9 0 R",
      {
        objects: [
          {
            num: 5,
            body: stream(
              "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
              deflateSync(Buffer.from("9 0 << /Author (Ibu Sari Wulandari) >>")),
            ),
          },
        ],
        trailer: "/Size 10 /Root 1 0 R /Info 9 0 R",
      },
    );
    expect(() => stripPdf(moved)).toThrow(PdfNotCleanable);
  });

  it("refuses a file crafted with many broken objects instead of parsing each to the end", () => {
    const junk = Array.from({ length: 200 }, (_, i) => `${i + 10} 0 obj\n<< /Author (unclosed\nendobj\n`).join("");
    const src = Buffer.concat([phonePdf(), Buffer.from(junk, "latin1")]);
    expect(() => stripPdf(src)).toThrow(PdfNotCleanable);
    // A few broken objects are tolerated (skipped), and the real metadata is still blanked.
    const some = Buffer.concat([phonePdf(), Buffer.from("90 0 obj\n<< /Title (unclosed\nendobj\n", "latin1")]);
    expect(stripPdf(some).data.toString("latin1")).not.toContain("Ibu Sari");
  });

  it("accepts object streams that hold other objects while the Info dictionary is plain", () => {
    const src = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        {
          num: 5,
          body: stream(
            "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
            deflateSync(Buffer.from("2 0 << /Type /Pages /Kids [] /Count 0 >>")),
          ),
        },
        { num: 7, body: "<< /Producer (Microsoft Word untuk Ibu Sari) >>" },
      ],
      "/Size 8 /Root 1 0 R /Info 7 0 R",
    );
    const { data, stripped } = stripPdf(src);
    expect(stripped).toEqual(["info"]);
    expect(data.toString("latin1")).not.toContain("Ibu Sari");
    expect(xrefHolds(data)).toBe(true);
  });
});

describe("PDF upload", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false });
  });
  afterAll(() => env.close());
  const upload = (body: Buffer, lang = "id") => uploadAttachment(env, body, { "content-type": "application/pdf", "accept-language": lang });

  it("stores the cleaned PDF and tells the reporter plainly when a PDF cannot be cleaned", async () => {
    const ok = await upload(phonePdf());
    expect(ok.statusCode).toBe(201);
    // The file is encrypted at rest; opened, it holds the page content without the metadata.
    const store = new AttachmentStore(env.ctx.config.dataDir);
    expect(fs.readFileSync(store.pathOf(ok.json().sha256)).toString("latin1")).not.toContain(CONTENT);
    const [row] = await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.id, ok.json().attachmentId));
    const stored = await readSealed(store, env.ctx.keys, row!);
    expect(stored.toString("latin1")).not.toContain("Ibu Sari");
    expect(stored.toString("latin1")).toContain(CONTENT);

    const locked = buildPdf(
      [
        { num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { num: 2, body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { num: 3, body: "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>" },
      ],
      "/Size 4 /Root 1 0 R /Encrypt 3 0 R",
    );
    const count = async () => rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM report_attachments`))[0]!.n;
    const before = await count();
    const refused = await upload(locked);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("pdf_not_cleanable");
    expect(refused.json().error.message).toMatch(/PDF ini/);
    expect((await upload(locked, "en")).json().error.message).toMatch(/This PDF/);
    expect(await count()).toBe(before);
  });
});
