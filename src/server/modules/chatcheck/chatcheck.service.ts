// Reads an exported village WhatsApp group and lists the messages that look like job offers, each with
// the checker's verdict and red flags. Nothing from the chat is stored or logged: the export lives in
// memory for the request; the audit trail records only that a check ran and how many messages it had.
import { type Message, parseString } from "whatsapp-chat-parser";
import { JOB_TEXT_MAX } from "../../../core/jobcheck";
import type { AuditActor } from "../audit/audit.service";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/errors";
import { checkOffer } from "../jobcheck/jobcheck.service";
import { chatTextOfZip, isZip, NotAChatExport } from "./chatcheck.zip";
import type { ChatCheckResponse } from "./chatcheck.schema";

/** The chat text after unpacking: years of a busy group stay well under this. */
const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** The most recent messages checked; older ones are counted but not read. */
export const MAX_CHECKED = 5_000;
/** A listed offer keeps this much of its text (the checker reads the whole message). */
const MAX_SHOWN = 2_000;
/** Messages shorter than this are greetings and replies, never an offer with anything to check. */
const MIN_OFFER_CHARS = 30;
/**
 * Words of a job advertisement, for offers with no red flag, salary or destination abroad. Plain "kerja"
 * is not one: "kerja bakti" (village clean-up) is in every group.
 */
const JOB_AD_WORDS = /\b(lowongan|loker|dibutuhkan|dicari|rekrut\w*|gaji|gajih|lamaran|hiring|job|vacanc\w*)\b/i;
const WIB_OFFSET_MS = 7 * 3_600_000;

function textOf(body: unknown): string {
  if (typeof body === "string") return body;
  if (!Buffer.isBuffer(body)) throw new AppError("validation_failed", { file: { code: "chat_export_required" } });
  if (isZip(body)) {
    try {
      return chatTextOfZip(body, MAX_TEXT_BYTES);
    } catch (err) {
      if (err instanceof NotAChatExport) throw new AppError("validation_failed", { file: { code: "chat_export_required" } });
      throw err;
    }
  }
  const text = body.toString("utf8");
  // Binary that is neither a zip nor text (a photo, a PDF) is not an export.
  if (text.includes("\u0000") || text.includes("\ufffd"))
    throw new AppError("validation_failed", { file: { code: "chat_export_required" } });
  return text;
}

/**
 * The time a message was sent, in WIB. An export writes wall-clock times without a zone (the phone's
 * own, WIB in Banten); the parser builds them in this process's zone, so the same wall-clock fields are
 * read back and labelled +07:00.
 */
export function sentAtWib(date: Date): string {
  const wall = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds());
  return new Date(wall - WIB_OFFSET_MS).toISOString();
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkGroupChat(ctx: AppContext, actor: AuditActor, body: unknown): Promise<ChatCheckResponse> {
  const text = textOf(body).replace(/^\ufeff/, "");
  let messages: Message[];
  try {
    messages = parseString(text);
  } catch {
    messages = [];
  }
  const written = messages.filter((m) => m.author !== null);
  if (written.length === 0) throw new AppError("validation_failed", { file: { code: "chat_export_required" } });

  const recent = written.slice(-MAX_CHECKED);
  const offers: ChatCheckResponse["offers"] = [];
  for (let i = 0; i < recent.length; i++) {
    // The checker is synchronous: let other requests through every few hundred messages.
    if (i % 200 === 199) await yieldToOthers();
    const m = recent[i]!;
    const message = m.message.trim();
    if (message.length < MIN_OFFER_CHARS) continue;
    const result = await checkOffer(ctx, message.slice(0, JOB_TEXT_MAX));
    const salary = result.entities.money.some((money) => money.kind === "salary");
    const abroad = result.entities.destinations.length > 0;
    if (result.flags.length === 0 && !salary && !abroad && !JOB_AD_WORDS.test(message)) continue;
    offers.push({
      sentAt: sentAtWib(m.date),
      author: m.author,
      text: message.slice(0, MAX_SHOWN),
      level: result.level,
      score: result.score,
      flags: result.flags.map((f) => ({
        code: f.code,
        title: f.title,
        titleEn: f.titleEn,
        evidence: f.evidence.slice(0, 3).map((e) => e.text),
      })),
      phones: result.entities.phones,
    });
  }
  const order = { tinggi: 0, sedang: 1, rendah: 2 } as const;
  offers.sort((a, b) => order[a.level] - order[b.level] || b.sentAt.localeCompare(a.sentAt));

  const summary = { messages: written.length, checked: recent.length, offers: offers.length };
  // One audit record without any chat content: who checked a group export, and its size.
  await ctx.withAudit(actor, { action: "chat_check.run", resourceType: "chat_export", details: summary }, async () => undefined);
  return { ...summary, truncated: written.length > recent.length, offers };
}
