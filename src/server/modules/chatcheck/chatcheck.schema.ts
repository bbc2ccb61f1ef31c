import { z } from "zod";
import { FLAG_CODES } from "../../../core/jobcheck";

export const ChatOfferSchema = z.object({
  /** When the message was sent (ISO, from the export's WIB wall-clock time). */
  sentAt: z.string(),
  /** The sender as the export names them (a contact name or a phone number). */
  author: z.string().nullable(),
  text: z.string(),
  level: z.enum(["tinggi", "sedang", "rendah"]),
  score: z.number(),
  flags: z.array(z.object({ code: z.enum(FLAG_CODES), title: z.string(), titleEn: z.string(), evidence: z.array(z.string()) })),
  phones: z.array(z.string()),
});

export const ChatCheckResponseSchema = z.object({
  /** Messages with an author in the export (system lines left out). */
  messages: z.number().int(),
  /** Messages read by the checker (the most recent ones when the export is very long). */
  checked: z.number().int(),
  truncated: z.boolean(),
  /** Listed offers, riskiest first, then newest first. */
  offers: z.array(ChatOfferSchema),
});
export type ChatCheckResponse = z.infer<typeof ChatCheckResponseSchema>;
