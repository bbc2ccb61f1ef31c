// Test files shared by the tests of every feature that accepts uploads: real images (made by sharp once,
// when this file loads) carrying metadata (EXIF with GPS, XMP, comments, PNG text), a minimal valid PDF,
// and the hostile files the upload rules must refuse (forged headers, truncations, active PDFs).
import { crc32 } from "node:zlib";
import sharp from "sharp";

/** The text the metadata of the photo fixtures carries; no stored file may contain it. */
export const SECRET_METADATA = "Ibu Sari -6.0123,106.2345";

const EXIF = {
  IFD0: { ImageDescription: SECRET_METADATA, Artist: "Ibu Sari" },
  // GPS IFD: 6°0'44" S, 106°14'4" E
  IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 0/1 44/1", GPSLongitudeRef: "E", GPSLongitude: "106/1 14/1 4/1" },
};
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${SECRET_METADATA}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

const seg = (marker: number, payload: Buffer) => {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), len, payload]);
};

/** A small photo-like picture (a gradient, so it is not one flat colour). */
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#3a6ea5" } }).composite([
    {
      input: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="4" y="4" width="${width / 2}" height="${height / 2}" fill="#f2c14e"/></svg>`,
      ),
    },
  ]);

// EXIF orientation 6: the stored pixels lie on their side and a viewer turns them 90° clockwise.
const JPEG_WITH_EXIF = await (async () => {
  const jpeg = await picture(48, 32).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).withExif(EXIF).withXmp(XMP).toBuffer();
  // A comment segment right after SOI as well.
  return Buffer.concat([jpeg.subarray(0, 2), seg(0xfe, Buffer.from(`comment: ${SECRET_METADATA}`, "latin1")), jpeg.subarray(2)]);
})();
const PNG = await picture(40, 30).png().toBuffer();
const WEBP_WITH_EXIF = await picture(40, 30).webp({ quality: 90 }).withExif(EXIF).withXmp(XMP).toBuffer();
// A flat grey (127) greyscale JPEG with all quantisers 1: its one DC coefficient is -8, so the
// quantiser of DC alone decides the brightness (see distinctJpeg).
const GREY_JPEG = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 127, g: 127, b: 127 } } })
  .toColourspace("b-w")
  .jpeg({ quality: 100, chromaSubsampling: "4:4:4" })
  .toBuffer();

/** A real JPEG (48 × 32, EXIF orientation 6) with EXIF (GPS, description, artist), XMP and a comment. */
export const jpegWithExif = (): Buffer => Buffer.from(JPEG_WITH_EXIF);

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG (40 × 30) with a text chunk and an eXIf chunk before its image data. */
export function pngWithText(): Buffer {
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([
    PNG.subarray(0, ihdrEnd),
    pngChunk("tEXt", Buffer.from(`Author\0${SECRET_METADATA}`, "latin1")),
    PNG.subarray(ihdrEnd),
  ]);
}

/** A real WebP (40 × 30) with EXIF (GPS) and XMP chunks. */
export const webpWithExif = (): Buffer => Buffer.from(WEBP_WITH_EXIF);

/** Distinct real JPEGs for distinct `n` (0–126): an 8 × 8 grey square whose brightness is 127 − n. */
export function distinctJpeg(n: number): Buffer {
  const out = Buffer.from(GREY_JPEG);
  const dqt = out.indexOf(Buffer.from([0xff, 0xdb]));
  // DQT: marker, length (2), precision and table id (1), then the 64 quantisers in zigzag order: DC first.
  out[dqt + 5] = (n % 127) + 1;
  return out;
}

/**
 * A minimal valid PDF (one empty page) with a correct cross-reference table; `extra` is added to the
 * catalog dictionary (for active content tests).
 */
export function pdf(opts: { catalog?: string; objects?: string[] } = {}): Buffer {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${opts.catalog ?? ""}>>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ...(opts.objects ?? []),
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n\r\n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A tiny valid PDF (accepted as a document, refused as a photo). */
export const tinyPdf = () => pdf();
/** A Windows executable, whatever name it travels under. */
export const exe = () => Buffer.from("MZ\x90\0\x03\0\0\0 This program cannot be run in DOS mode.", "latin1");

/** Files that carry a valid type's signature but are not that file, or are dangerous as one. */
export const hostile = {
  /** Opens with /OpenAction running /JavaScript. */
  pdfOpenActionJs: () => pdf({ catalog: "/OpenAction 4 0 R", objects: ["<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"] }),
  /** The same with the names hex-escaped (/J#61vaScript is /JavaScript to a reader). */
  pdfHexEscapedJs: () =>
    pdf({ catalog: "/Open#41ction 4 0 R", objects: ["<< /Type /Action /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"] }),
  /** A PDF cut off in the middle (no cross-reference table, no %%EOF). */
  pdfTruncated: () => {
    const whole = pdf();
    return whole.subarray(0, Math.floor(whole.length * 0.6));
  },
  /** A PNG signature followed by garbage. */
  pngForged: () =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("<script>alert(1)</script>".repeat(4))]),
  /** A PNG whose chunks (and their checksums) are all in order, but whose image data is not compressed pixels. */
  pngGarbageData: () =>
    Buffer.concat([
      PNG.subarray(0, 8 + 12 + 13),
      pngChunk("IDAT", Buffer.from("<script>alert(1)</script> not zlib data at all", "latin1")),
      pngChunk("IEND", Buffer.alloc(0)),
    ]),
  /** 20 bytes that sniff as WebP: RIFF, a size, WEBP, a chunk header and nothing else. */
  webpFake: () => Buffer.from("RIFF\x0c\0\0\0WEBPVP8 \0\0\0\0", "latin1"),
  /** A real JPEG cut off before its end. */
  jpegTruncated: () => JPEG_WITH_EXIF.subarray(0, JPEG_WITH_EXIF.length - 60),
  /** A valid JPEG with an HTML page (script) in a comment and a ZIP-like tail after its end marker. */
  polyglot: () =>
    Buffer.concat([
      JPEG_WITH_EXIF.subarray(0, 2),
      seg(0xfe, Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>", "latin1")),
      JPEG_WITH_EXIF.subarray(2),
      Buffer.from("PK\x03\x04<script>alert(2)</script>", "latin1"),
    ]),
};
