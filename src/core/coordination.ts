// Coordination of the task force (Gugus Tugas): shared vocabulary for server and web.

/** Sub-task forces of the national model (Perpres 22/2021 and its regional copies). */
export const TASK_FORCES = ["prevention", "health_rehabilitation", "social_rehabilitation", "law_enforcement", "coordination"] as const;
export type TaskForce = (typeof TASK_FORCES)[number];

export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** What an action item may point at. Only the id or code is stored and shown, never the record's data. */
export const ACTION_LINK_KINDS = ["village", "report", "case"] as const;
export type ActionLinkKind = (typeof ACTION_LINK_KINDS)[number];

const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];
const DAYS_ID = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
const WIB_MS = 7 * 3_600_000;

/** "Senin, 3 November 2026" in WIB. */
export function longDateId(at: Date): string {
  const d = new Date(at.getTime() + WIB_MS);
  return `${DAYS_ID[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS_ID[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "09.30 WIB". */
export function timeWib(at: Date): string {
  const d = new Date(at.getTime() + WIB_MS);
  return `${String(d.getUTCHours()).padStart(2, "0")}.${String(d.getUTCMinutes()).padStart(2, "0")} WIB`;
}

/** "3 November 2026" from a calendar date "2026-11-03". */
export function dateId(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

/** Today's calendar date in WIB ("2026-11-03"). */
export function todayWib(now: Date): string {
  return new Date(now.getTime() + WIB_MS).toISOString().slice(0, 10);
}
