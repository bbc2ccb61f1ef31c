export const TEMPLATE_DB = "simpul_test_template";

/** The maintenance database on the same server, used to create and drop per-file databases. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  return u.toString();
}
