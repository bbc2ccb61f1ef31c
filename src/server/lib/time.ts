// Timestamps as the API sends them.

/** A timestamp (a Date, or a string from a raw query) as ISO 8601 in UTC; null stays null. */
export function iso(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
