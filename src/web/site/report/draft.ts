// What the report page keeps on the phone between visits:
// - the draft of the form, so a reload, a dropped tab or a phone call does not lose what was typed.
//   The reporter's own contact details are left out (a shared family phone), and so are attachments
//   (they are uploaded at once and dropped by the server after 24 hours when no report claims them);
//   cleared when the report is acknowledged;
// - the receipt (tracking code and PIN) of the last report, until the person says they have saved it,
//   because the PIN is never shown again. Both expire after 7 days.
import type { ReportCreated } from "../../lib/reports";
import { emptyForm, emptyPerson, type ReportForm } from "./payload";

export const FORM_DRAFT_KEY = "simpul.reportForm";
export const RECEIPT_KEY = "simpul.reportReceipt";
const TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Never kept on the device: who the reporter is. */
const PRIVATE_FIELDS = ["reporterName", "reporterPhone", "reporterEmail", "reporterRelation"] as const;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read<T>(key: string, now: number): T | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as { savedAt?: number; value?: T };
    if (typeof stored.savedAt !== "number" || now - stored.savedAt > TTL_MS || stored.value === undefined) {
      storage()?.removeItem(key);
      return null;
    }
    return stored.value;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown, now: number): void {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: now, value }));
  } catch {
    // Private browsing or a full storage: the page still works, only without keeping the draft.
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to remove.
  }
}

/** True when the person has typed something worth keeping. */
export function isWorthKeeping(form: ReportForm): boolean {
  const empty = emptyForm();
  return (Object.keys(empty) as (keyof ReportForm)[]).some((key) => {
    if ((PRIVATE_FIELDS as readonly string[]).includes(key)) return false;
    return JSON.stringify(stripKeys(form)[key]) !== JSON.stringify(stripKeys(empty)[key]);
  });
}

/** Row keys are only React's; they are renumbered when a draft is restored. */
function stripKeys(form: ReportForm) {
  return { ...form, people: form.people.map(({ key: _key, ...rest }) => rest) };
}

export function saveDraft(form: ReportForm, now = Date.now()): void {
  if (!isWorthKeeping(form)) {
    remove(FORM_DRAFT_KEY);
    return;
  }
  const kept: Partial<ReportForm> = { ...form };
  for (const field of PRIVATE_FIELDS) delete kept[field];
  write(FORM_DRAFT_KEY, kept, now);
}

/** The kept draft on top of an empty form (fields of an older shape fall back to empty), or null. */
export function loadDraft(now = Date.now()): ReportForm | null {
  const kept = read<Partial<ReportForm>>(FORM_DRAFT_KEY, now);
  if (!kept || typeof kept !== "object") return null;
  const base = emptyForm();
  const form: ReportForm = { ...base };
  for (const key of Object.keys(base) as (keyof ReportForm)[]) {
    if (key === "people" || (PRIVATE_FIELDS as readonly string[]).includes(key)) continue;
    if (typeof kept[key] === typeof base[key]) (form as unknown as Record<string, unknown>)[key] = kept[key];
  }
  if (Array.isArray(kept.people) && kept.people.length > 0) {
    form.people = kept.people.slice(0, 10).map((row, index) => ({ ...emptyPerson(index), ...row, key: index }));
  }
  return form;
}

export function clearDraft(): void {
  remove(FORM_DRAFT_KEY);
}

export function saveReceipt(receipt: ReportCreated, now = Date.now()): void {
  write(RECEIPT_KEY, { trackingCode: receipt.trackingCode, pin: receipt.pin }, now);
}

export function loadReceipt(now = Date.now()): ReportCreated | null {
  const receipt = read<ReportCreated>(RECEIPT_KEY, now);
  return receipt && typeof receipt.trackingCode === "string" && typeof receipt.pin === "string" ? receipt : null;
}

export function clearReceipt(): void {
  remove(RECEIPT_KEY);
}
