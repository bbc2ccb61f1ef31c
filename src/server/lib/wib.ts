// Asia/Jakarta (WIB, UTC+7, no daylight saving) conversions for sessions, periods and exports.
const WIB_MS = 7 * 3_600_000;

/** Parses "2025-03-14T09:00" as WIB, or a timestamp that carries its own offset. */
export function parseWib(s: string): Date {
  return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}+07:00`);
}

/** "2025-03-14 09:00" in WIB. */
export function wibLocal(d: Date): string {
  return new Date(d.getTime() + WIB_MS).toISOString().slice(0, 16).replace("T", " ");
}

export function wibDate(d: Date): string {
  return new Date(d.getTime() + WIB_MS).toISOString().slice(0, 10);
}

/** [from 00:00 WIB, the day after `to` 00:00 WIB): `to` is inclusive. */
export function wibRange(q: { from?: string; to?: string }): { from?: Date; to?: Date } {
  return {
    from: q.from ? new Date(`${q.from}T00:00:00+07:00`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined,
  };
}
