// The web app's pages, for the server's answer to a browser: a known page gets the app (200), any
// other path the app's "not found" page with a 404 status. Console paths are the console's to judge
// (it shows its own not-found page for an unknown console path).
export const PUBLIC_PAGE_PATHS = [
  "/",
  "/masuk",
  "/cek-lowongan",
  "/cek-perusahaan",
  "/cek-nomor",
  "/lapor",
  "/lapor/status",
  "/statistik",
] as const;

export function isAppPath(pathname: string): boolean {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (path === "/konsol" || path.startsWith("/konsol/")) return true;
  return (PUBLIC_PAGE_PATHS as readonly string[]).includes(path);
}
