// Uploaded images are decoded completely and encoded again by sharp (libvips), never stored as sent:
// a file that does not decode (a PNG signature before garbage, a 20-byte "WebP", a truncated photo)
// is refused, whatever rides along in a valid one (EXIF GPS, XMP, comments, text chunks, bytes after
// the end marker, a polyglot's second file) is not copied, and the stored file is always one that a
// maintained decoder has just written. The photo is turned upright by its EXIF orientation first, since
// the orientation tag goes with the rest of the metadata.
import sharp, { type FormatEnum, type Metadata, type SharpOptions } from "sharp";

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

/** Decoding more than this (a 5 MB PNG can claim 20,000 × 20,000 blank pixels) is refused before it starts. */
export const MAX_INPUT_PIXELS = 50_000_000;
/**
 * Stored size: the longer side at most 4096 px and the shorter at most 1500 px. A 12 MP phone photo
 * (4000 × 3000) becomes 2000 × 1500 (enough to read an ID card or a contract; the app's own upload forms
 * send at most 1600 px), which libjpeg decodes at half scale directly: about a quarter of a second of CPU
 * (`npm run bench -- image-reencode`). A phone screenshot (1080 × 2400) and a long chat screenshot keep
 * their width.
 */
export const MAX_LONG_SIDE = 4096;
export const MAX_SHORT_SIDE = 1500;

export class ImageNotDecodable extends Error {}

/** What the input carried that the stored file no longer does (recorded with the file). */
function metadataNames(meta: Metadata): string[] {
  const names: string[] = [];
  if (meta.exif) names.push("exif");
  if (meta.xmp) names.push("xmp");
  if (meta.iptc) names.push("iptc");
  if (meta.icc) names.push("icc");
  if (meta.comments?.length) names.push("comment");
  if ((meta.pages ?? 1) > 1) names.push("frames");
  return names;
}

/** The box (longest side) the image is fitted into, by the rule above; the same for either orientation. */
export function fittedLongSide(width: number, height: number): number {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale = Math.min(1, MAX_LONG_SIDE / long, MAX_SHORT_SIDE / short);
  return Math.max(1, Math.round(long * scale));
}

/**
 * Decodes the whole image (any decoder warning, e.g. a truncated file, is a failure) and writes it again
 * in the same format without any metadata. Throws ImageNotDecodable when the bytes are not a whole image.
 */
export async function reencodeImage(buf: Buffer, type: ImageType): Promise<{ data: Buffer; stripped: string[] }> {
  const options: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "warning", pages: 1 };
  try {
    const meta = await sharp(buf, options).metadata();
    if (!meta.width || !meta.height || meta.format !== FORMAT_OF[type]) throw new ImageNotDecodable("not the sniffed format");
    const box = fittedLongSide(meta.width, meta.height);
    const img = sharp(buf, options).autoOrient().resize({ width: box, height: box, fit: "inside", withoutEnlargement: true });
    // JPEG quality 80, the quality the phone prepares photos with (web lib/prepare-image.ts): the same
    // standard tables, so a prepared photo written again does not grow.
    const data = await (type === "image/jpeg"
      ? img.jpeg({ quality: 80 })
      : type === "image/png"
        ? img.png({ compressionLevel: 6 })
        : img.webp({ quality: 80 })
    ).toBuffer();
    return { data, stripped: metadataNames(meta) };
  } catch (err) {
    if (err instanceof ImageNotDecodable) throw err;
    throw new ImageNotDecodable(err instanceof Error ? err.message : "undecodable image");
  }
}

const FORMAT_OF: Record<ImageType, keyof FormatEnum> = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" };
