// Test files built byte by byte: structurally valid images carrying metadata (GPS EXIF, XMP, text),
// shared by the tests of every feature that accepts uploads.

const seg = (marker: number, payload: Buffer) => {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), len, payload]);
};

/** A structurally valid JPEG with EXIF (GPS), XMP and a comment around the image segments. */
export function jpegWithExif(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from("JFIF\0\x01\x02\0\0\x01\0\x01\0\0", "latin1")),
    seg(0xe1, Buffer.from("Exif\0\0GPSLatitude -6.0123 GPSLongitude 106.2345", "latin1")),
    seg(0xe1, Buffer.from("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Camera owner</x:xmpmeta>", "latin1")),
    seg(0xfe, Buffer.from("comment: taken at home", "latin1")),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    seg(0xc4, Buffer.alloc(20, 0)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]), // entropy data with a stuffed byte and a restart marker
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
}
export function pngWithText(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", Buffer.alloc(13, 1)),
    pngChunk("tEXt", Buffer.from("Author\0Ibu Sari", "latin1")),
    pngChunk("eXIf", Buffer.from("GPS", "latin1")),
    pngChunk("IDAT", Buffer.alloc(10, 2)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
function riffChunk(type: string, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.write(type, 0, "latin1");
  h.writeUInt32LE(data.length, 4);
  return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}
export function webpWithExif(): Buffer {
  const body = Buffer.concat([
    riffChunk("VP8X", Buffer.from([0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    riffChunk("VP8L", Buffer.alloc(11, 3)),
    riffChunk("EXIF", Buffer.from("GPSLatitude", "latin1")),
    riffChunk("XMP ", Buffer.from("<xmp/>", "latin1")),
  ]);
  const h = Buffer.alloc(12);
  h.write("RIFF", 0, "latin1");
  h.writeUInt32LE(body.length + 4, 4);
  h.write("WEBP", 8, "latin1");
  return Buffer.concat([h, body]);
}

/** A tiny PDF (accepted as a document, refused as a photo). */
export const tinyPdf = () => Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
/** A Windows executable, whatever name it travels under. */
export const exe = () => Buffer.from("MZ\x90\0\x03\0\0\0 This program cannot be run in DOS mode.", "latin1");
/** A JPEG with `n` in its image data (comments are stripped on upload, so distinct files need distinct image data). */
export function distinctJpeg(n: number): Buffer {
  const base = jpegWithExif();
  const eoi = base.length - 2;
  return Buffer.concat([base.subarray(0, eoi - 7), Buffer.from([n & 0x7f, (n >> 7) & 0x7f]), base.subarray(eoi - 7)]);
}
