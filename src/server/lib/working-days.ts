// Working days in Asia/Jakarta (WIB, UTC+7 all year, no daylight saving): Monday to Friday minus holidays.
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Jakarta. */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(date);
}

/** The first instant (WIB midnight) of a calendar date. */
export function startOfJakartaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - WIB_OFFSET_MS);
}

/**
 * The deadline "within n working days of `start`": the end of the n-th working day after the day of
 * `start` (the day of receipt itself does not count, as in SP4N-LAPOR!). Returned as the first instant
 * after that day, so `now >= deadline` means overdue. A report received on Friday evening with n = 3
 * is due by the end of Wednesday.
 */
export function addWorkingDays(start: Date, n: number, holidays: ReadonlySet<string>): Date {
  let date = jakartaDate(start);
  let counted = 0;
  // Bounded: no year has more than ~120 non-working days.
  for (let guard = 0; counted < n && guard < 3660; guard++) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) counted++;
  }
  return startOfJakartaDay(addDays(date, 1));
}

/** Whole working days from `from` to `to` (0 when `to` is not later), for "overdue by N working days". */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  if (to <= from) return 0;
  let date = jakartaDate(from);
  const end = jakartaDate(to);
  let n = 0;
  for (let guard = 0; date < end && guard < 3660; guard++) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) n++;
  }
  return n;
}
