// The upload rules on their own: images decoded and written again (sharp), PDFs checked whole and
// passive. The routes that use them are tested in their modules (reports, cases, outreach).
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cleanAttachment, UnsupportedFile } from "./attachments";
import { hostile, jpegWithExif, pdf, pngWithText, SECRET_METADATA, tinyPdf, webpWithExif } from "./attachments.fixtures";
import { fittedLongSide, ImageNotDecodable } from "./images";
import { PdfNotCleanable } from "./pdf-metadata";
import { checkPdf, PdfRefused } from "./pdf-safety";

const refusal = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof PdfRefused ? err.code : (err as Error).constructor.name;
  }
};

const objStm = (objects: string, dict = "/Filter /FlateDecode", encode = (b: Buffer): Buffer => deflateSync(b)) => {
  const header = "4 0 ";
  const data = encode(Buffer.from(`${header}${objects}`, "latin1"));
  return `<< /Type /ObjStm /N 1 /First ${header.length} ${dict} /Length ${data.length} >>\nstream\n${data.toString("latin1")}\nendstream`;
};

describe("images are decoded and written again", () => {
  it("keeps no metadata: EXIF with GPS, XMP, comments and PNG text are gone, and the photo is upright", async () => {
    for (const [src, type] of [
      [jpegWithExif(), "image/jpeg"],
      [pngWithText(), "image/png"],
      [webpWithExif(), "image/webp"],
    ] as const) {
      expect(src.includes(SECRET_METADATA)).toBe(true);
      const { mediaType, data } = await cleanAttachment(src);
      expect(mediaType).toBe(type);
      expect(data.includes(SECRET_METADATA)).toBe(false);
      const meta = await sharp(data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.comments).toBeUndefined();
    }
    expect(await sharp((await cleanAttachment(jpegWithExif())).data).metadata()).toMatchObject({ width: 32, height: 48 });
  });

  it("refuses what does not decode: a PNG signature before garbage, a 20-byte WebP, a truncated JPEG, a decompression bomb", async () => {
    for (const bad of [hostile.pngForged(), hostile.pngGarbageData(), hostile.webpFake(), hostile.jpegTruncated()]) {
      await expect(cleanAttachment(bad)).rejects.toBeInstanceOf(ImageNotDecodable);
    }
    expect(hostile.webpFake()).toHaveLength(20);
    // A real PNG whose header claims 20,000 × 20,000 pixels (400 MP): refused before decoding.
    const png = Buffer.from(pngWithText());
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    await expect(cleanAttachment(png)).rejects.toBeInstanceOf(ImageNotDecodable);
    await expect(cleanAttachment(Buffer.from("<html>not an image</html>"))).rejects.toBeInstanceOf(UnsupportedFile);
  });

  it("keeps only the picture of a polyglot", async () => {
    const { data } = await cleanAttachment(hostile.polyglot());
    expect(data.includes("<script>")).toBe(false);
    expect(data.includes("PK\x03\x04")).toBe(false);
  });

  it("fits a phone photo into 2000 × 1500 and leaves screenshots their width", () => {
    expect(fittedLongSide(4000, 3000)).toBe(2000); // 12 MP
    expect(fittedLongSide(3000, 4000)).toBe(2000);
    expect(fittedLongSide(8000, 6000)).toBe(2000); // 48 MP
    expect(fittedLongSide(1080, 2400)).toBe(2400); // a phone screenshot: unchanged
    expect(fittedLongSide(1080, 8000)).toBe(4096); // a long chat screenshot: 553 px wide
    expect(fittedLongSide(640, 480)).toBe(640);
  });
});

describe("PDFs are whole and passive", () => {
  it("accepts a plain PDF, also with compressed object streams holding ordinary objects", () => {
    expect(refusal(() => checkPdf(tinyPdf()))).toBeUndefined();
    expect(refusal(() => checkPdf(pdf({ objects: [objStm("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")] })))).toBeUndefined();
    // Binary stream data that happens to spell a name is not a dictionary.
    const image = Buffer.from("\x00\x01/JS /AA\x02/OpenAction\x03", "latin1");
    expect(
      refusal(() =>
        checkPdf(
          pdf({
            objects: [`<< /Type /XObject /Subtype /Image /Length ${image.length} >>\nstream\n${image.toString("latin1")}\nendstream`],
          }),
        ),
      ),
    ).toBeUndefined();
  });

  it("refuses scripts, automatic actions, launches, embedded files, rich media, XFA and form submission", () => {
    expect(refusal(() => checkPdf(hostile.pdfOpenActionJs()))).toBe("pdf_active_content");
    expect(refusal(() => checkPdf(hostile.pdfHexEscapedJs()))).toBe("pdf_active_content");
    for (const entry of [
      "/OpenAction [3 0 R /Fit]",
      "/AA << /O 4 0 R >>",
      "/Names << /JavaScript 4 0 R >>",
      "/Names << /EmbeddedFiles 4 0 R >>",
      "/AcroForm << /XFA 4 0 R >>",
      "/#4F#70#65#6E#41#63#74#69#6F#6E 4 0 R",
    ]) {
      expect(
        refusal(() => checkPdf(pdf({ catalog: entry }))),
        entry,
      ).toBe("pdf_active_content");
    }
    for (const action of [
      "/Launch /F (cmd.exe)",
      "/SubmitForm /F (http://x)",
      "/ImportData /F (a.fdf)",
      "/RichMedia",
      "/GoToE",
      "/JS (1)",
    ]) {
      expect(
        refusal(() => checkPdf(pdf({ objects: [`<< /Type /Action /S ${action} >>`] }))),
        action,
      ).toBe("pdf_active_content");
    }
  });

  it("looks inside compressed object streams, and refuses one it cannot read", () => {
    const js = "<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>";
    expect(refusal(() => checkPdf(pdf({ catalog: "/OpenAction 4 0 R", objects: [objStm(js)] })))).toBe("pdf_active_content");
    expect(refusal(() => checkPdf(pdf({ objects: [objStm("<< /S /J#61vaScript >>")] })))).toBe("pdf_active_content");
    // The type hidden by an escape is still an object stream.
    expect(refusal(() => checkPdf(pdf({ objects: [objStm(js).replace("/ObjStm", "/Obj#53tm")] })))).toBe("pdf_active_content");
    // A filter we do not decode, or data that does not inflate: we cannot see inside, so we refuse.
    expect(refusal(() => checkPdf(pdf({ objects: [objStm(js, "/Filter /LZWDecode")] })))).toBe(PdfNotCleanable.name);
    expect(refusal(() => checkPdf(pdf({ objects: [objStm(js, "/Filter /FlateDecode", (b) => b)] })))).toBe(PdfNotCleanable.name);
  });

  it("refuses a PDF cut off anywhere, one without a cross-reference table, and one pointing startxref elsewhere", () => {
    const whole = tinyPdf();
    expect(refusal(() => checkPdf(hostile.pdfTruncated()))).toBe("pdf_broken");
    for (let cut = 10; cut < whole.length - 1; cut += 17) {
      expect(
        refusal(() => checkPdf(whole.subarray(0, cut))),
        `cut at ${cut}`,
      ).toBe("pdf_broken");
    }
    expect(refusal(() => checkPdf(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")))).toBe("pdf_broken");
    const s = whole.toString("latin1");
    const at = /startxref\n(\d+)/.exec(s)!;
    expect(refusal(() => checkPdf(Buffer.from(s.replace(at[0], `startxref\n${Number(at[1]) - 7}`), "latin1")))).toBe("pdf_broken");
    // A file with more than a little after its %%EOF is not just a PDF.
    expect(refusal(() => checkPdf(Buffer.concat([whole, Buffer.alloc(2048, 0x41)])))).toBe("pdf_broken");
    expect(refusal(() => checkPdf(Buffer.concat([whole, Buffer.from("\n\0\0")])))).toBeUndefined();
  });
});
