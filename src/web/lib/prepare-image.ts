// Makes a phone photo kind to a weak, metered signal before it is uploaded: a JPEG, PNG or WebP is
// decoded by the browser (EXIF rotation applied), scaled down to at most MAX_EDGE pixels on its long
// edge and encoded again as a JPEG. The new file carries no camera metadata (GPS, owner, model), so
// the location never leaves the phone; the server still strips metadata from whatever it receives.
// The original is kept whenever this does not help or cannot be done: a file that is small already,
// a browser that cannot decode it or lacks the APIs, an encoding that comes out bigger, an error or a
// step that takes too long. It never throws: an upload is never blocked by this step.

/** The long edge of a prepared photo: sharp on any phone screen and for a printed report page. */
export const MAX_EDGE = 1600;
/** JPEG quality of a prepared photo. */
export const JPEG_QUALITY = 0.8;
/** How long preparing one photo may take before the original is sent instead. */
export const PREPARE_TIMEOUT_MS = 20_000;

import { shouldPrepare } from "./prepare-image-rules";

/** The size to draw at: the long edge at most `maxEdge`, the proportions kept, never enlarged. */
export function fitWithin(width: number, height: number, maxEdge = MAX_EDGE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxEdge || longest <= 0) return { width, height };
  const scale = maxEdge / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Keeps the re-encoded photo only when it is really smaller than what the phone would send otherwise. */
export function keepPrepared(originalBytes: number, preparedBytes: number | null): boolean {
  return preparedBytes !== null && preparedBytes > 0 && preparedBytes < originalBytes;
}

/** "IMG_2041.HEIC.png" → "IMG_2041.HEIC.jpg": the name tells the type that is sent. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, "");
  return `${base || "foto"}.jpg`;
}

export interface PreparedImage {
  /** What to upload: the prepared JPEG, or the original file. */
  file: File;
  /** The size of the file as chosen. */
  originalSize: number;
  /** Whether `file` is a new, smaller JPEG. */
  changed: boolean;
}

type Canvas = OffscreenCanvas | HTMLCanvasElement;

function canvasOf(width: number, height: number): Canvas | null {
  if (typeof OffscreenCanvas !== "undefined") return new OffscreenCanvas(width, height);
  if (typeof document === "undefined") return null;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function encodeJpeg(canvas: Canvas): Promise<Blob | null> {
  if ("convertToBlob" in canvas) return canvas.convertToBlob({ type: "image/jpeg", quality: JPEG_QUALITY });
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY));
}

async function reencode(file: File): Promise<Blob | null> {
  if (typeof createImageBitmap !== "function") return null;
  // "from-image" turns the pixels as the camera's EXIF says; a browser that does not know the option
  // throws here, and the original is sent rather than a photo that may lie on its side.
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = canvasOf(size.width, size.height);
    const context = canvas?.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null | undefined;
    if (!canvas || !context) return null;
    // A JPEG has no transparency: a transparent PNG goes on white, not black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await encodeJpeg(canvas);
    return blob && blob.type === "image/jpeg" ? blob : null;
  } finally {
    bitmap.close();
  }
}

function timeout(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

// One photo at a time: five camera photos decoded at once would need hundreds of MB on a cheap phone.
let queue: Promise<unknown> = Promise.resolve();

/** The file to upload for a chosen file: a smaller JPEG without metadata when that helps, else the file itself. */
export function prepareImage(file: File): Promise<PreparedImage> {
  const next = queue.then(() => prepareOne(file));
  queue = next.catch(() => undefined);
  return next;
}

async function prepareOne(file: File): Promise<PreparedImage> {
  const original: PreparedImage = { file, originalSize: file.size, changed: false };
  if (!shouldPrepare(file)) return original;
  let blob: Blob | null = null;
  try {
    blob = await Promise.race([reencode(file), timeout(PREPARE_TIMEOUT_MS)]);
  } catch {
    return original;
  }
  if (!blob || !keepPrepared(file.size, blob.size)) return original;
  return {
    file: new File([blob], jpegName(file.name), { type: "image/jpeg", lastModified: file.lastModified }),
    originalSize: file.size,
    changed: true,
  };
}
