/** Per run, so two checkouts can run the PostgreSQL suite at the same time on one server. */
export const TEMPLATE_DB = `simpul_test_template_${process.pid}`;

/** The maintenance database on the same server, used to create and drop per-file databases. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  return u.toString();
}
