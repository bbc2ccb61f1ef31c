// Photos as a phone camera hands them over, for the journeys that upload photos.
import type { Page } from "playwright-core";

/**
 * A camera-sized JPEG (4000×3000, quality 0.92, red left half and blue right half under grain, so it
 * compresses like a photo) with the EXIF a phone writes: "turn 90° clockwise to view" and a GPS position.
 */
export async function cameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("no canvas");
    const image = g.createImageData(4000, 3000);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) & 63;
      const left = (i / 4) % 4000 < 2000;
      image.data[i] = left ? 200 + (grain >> 1) : 20 + grain;
      image.data[i + 1] = 40 + grain;
      image.data[i + 2] = left ? 20 + grain : 200 + (grain >> 1);
      image.data[i + 3] = 255;
    }
    g.putImageData(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
    if (!blob) throw new Error("no jpeg");
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  const jpeg = Buffer.from(base64, "base64");
  // A big-endian TIFF block: IFD0 with Orientation 6 and a pointer to a GPS IFD (latitude 6°1'2" S).
  const tiff = Buffer.alloc(92);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(2, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(6, 18);
  tiff.writeUInt16BE(0x8825, 22);
  tiff.writeUInt16BE(4, 24);
  tiff.writeUInt32BE(1, 26);
  tiff.writeUInt32BE(38, 30);
  tiff.writeUInt16BE(2, 38);
  tiff.writeUInt16BE(0x0001, 40);
  tiff.writeUInt16BE(2, 42);
  tiff.writeUInt32BE(2, 44);
  tiff.write("S", 48, "latin1");
  tiff.writeUInt16BE(0x0002, 52);
  tiff.writeUInt16BE(5, 54);
  tiff.writeUInt32BE(3, 56);
  tiff.writeUInt32BE(68, 60);
  for (const [index, value] of [6, 1, 1, 1, 2, 1].entries()) tiff.writeUInt32BE(value, 68 + index * 4);
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  // After the browser's JFIF segment, where a camera puts it.
  const afterApp0 = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, afterApp0), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(afterApp0)]);
}

/** Whether the bytes carry an EXIF block (the GPS tags live inside it) or its TIFF header. */
export const hasExif = (bytes: Buffer) =>
  bytes.includes(Buffer.from("Exif\0\0", "latin1")) || bytes.includes(Buffer.from("MM\0*", "latin1"));
