// The client-generated submissionId of the report being sent. It is kept on the device until the
// server acknowledges the report (201, or 200 for a replay), so a retry after a dropped connection,
// a reload or a closed tab sends the same id and the server never stores the report twice.
import { randomUuid } from "../../lib/uuid";

export const PENDING_KEY = "simpul.reportPending";
/** Set by Cek Lowongan ("Laporkan tawaran ini") to pre-fill the offer text; read once. */
export const DRAFT_KEY = "simpul.reportDraft";
/** Uploaded attachments are dropped by the server after 24 hours; an older pending id is stale too. */
const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

interface Pending {
  submissionId: string;
  createdAt: number;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// Kept in memory as well, so a device without storage still retries with the same id in this visit.
let memory: Pending | null = null;

/** The id for this submission: the pending one if a previous attempt was not acknowledged. */
export function pendingSubmissionId(now = Date.now()): string {
  const store = storage();
  let pending = memory;
  try {
    const raw = store?.getItem(PENDING_KEY);
    if (raw) pending = JSON.parse(raw) as Pending;
  } catch {
    // Unreadable: start a new one.
  }
  if (!pending || typeof pending.submissionId !== "string" || now - pending.createdAt > PENDING_TTL_MS) {
    pending = { submissionId: randomUuid(), createdAt: now };
  }
  memory = pending;
  try {
    store?.setItem(PENDING_KEY, JSON.stringify(pending));
  } catch {
    // Private browsing may forbid storage; the in-memory id still covers retries in this visit.
  }
  return pending.submissionId;
}

/** The server acknowledged the report: the next report gets a new id. */
export function clearPendingSubmission(): void {
  memory = null;
  try {
    storage()?.removeItem(PENDING_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** What Cek Lowongan hands over ("Laporkan tawaran ini"): the offer text and the numbers it found. */
export interface CheckHandOver {
  offerText: string;
  phones: string[];
}

/** True while a hand-over from Cek Lowongan waits to be taken (the form then opens instead of an old receipt). */
export function hasOfferDraft(): boolean {
  try {
    return window.sessionStorage.getItem(DRAFT_KEY) !== null;
  } catch {
    return false;
  }
}

/**
 * The offer handed over by Cek Lowongan, read without removing it. Read during render (a state initialiser),
 * so it must not change storage: React may discard a render (an interrupted or suspended first render) and run
 * the initialiser again, which would then find nothing. The form forgets it once mounted (`forgetOfferDraft`).
 */
export function peekOfferDraft(): CheckHandOver | null {
  try {
    const raw = window.sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as { offerText?: unknown; phones?: unknown };
    if (typeof draft.offerText !== "string" || !draft.offerText.trim()) return null;
    const phones = Array.isArray(draft.phones) ? draft.phones.filter((p): p is string => typeof p === "string").slice(0, 5) : [];
    return { offerText: draft.offerText, phones };
  } catch {
    return null;
  }
}

/** The hand-over is used once: called after the form that took it is on screen (an effect, not a render). */
export function forgetOfferDraft(): void {
  try {
    window.sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Storage unavailable: nothing was handed over either.
  }
}
