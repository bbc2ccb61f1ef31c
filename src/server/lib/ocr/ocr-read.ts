// Reading the text of an uploaded image for a request: only JPEG, PNG or WebP (sniffed from the bytes),
// with the OCR worker's refusals turned into the app's errors. Used by the job checker's image route and
// by staff reading a report's image attachment.
import { AppError } from "../errors";
import { sniff } from "../uploads/attachments";
import { OcrBusy, OcrUnreadable, recognizeImage } from "./ocr";

/** Reads the text of an uploaded image, refusing anything that is not a JPEG, PNG or WebP. */
export async function readImageText(body: unknown): Promise<{ text: string; confidence: number }> {
  if (!Buffer.isBuffer(body)) throw new AppError("validation_failed", { image: { code: "image_required" } });
  const type = sniff(body);
  if (type !== "image/jpeg" && type !== "image/png" && type !== "image/webp")
    throw new AppError("validation_failed", { image: { code: "image_required" } });
  try {
    const { text, confidence } = await recognizeImage(body);
    return { text, confidence };
  } catch (err) {
    if (err instanceof OcrBusy) throw new AppError("ocr_busy");
    if (err instanceof OcrUnreadable) throw new AppError("validation_failed", { image: { code: "image_required" } });
    throw err;
  }
}
