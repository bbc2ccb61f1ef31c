// Which chosen files lib/prepare-image.ts would make smaller: apart from it, so the report form can decide
// at once without loading the image code, which it fetches only when a photo is attached.
/** At or below this size a photo is sent as it is: decoding it would cost the phone more than it saves. */
export const SMALL_ENOUGH_BYTES = 200 * 1024;
/** Above this size a file is not decoded at all (a cheap phone's memory); the usual size limit refuses it. */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
export const PREPARABLE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** Whether a chosen file is worth decoding at all (PDFs and other files are never touched). */
export function shouldPrepare(file: { type: string; size: number }): boolean {
  if (!(PREPARABLE_TYPES as readonly string[]).includes(file.type)) return false;
  return file.size > SMALL_ENOUGH_BYTES && file.size <= MAX_INPUT_BYTES;
}
