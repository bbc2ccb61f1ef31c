// The console home's figures (GET /api/dashboard), inferred from the server's schema (type-only import),
// and the console page each figure links to: the list behind the number, with the same filters in its address.
import type { Dashboard, DashboardList, Figure } from "../../server/modules/dashboard/dashboard.schema";

export type { Dashboard, Figure };

const PAGES: Record<DashboardList, string> = {
  reports: "/konsol/laporan",
  inbox: "/konsol/laporan",
  cases: "/konsol/kasus",
  // The case list page shows the overdue referrals and services above the cases that have them.
  overdueCaseItems: "/konsol/kasus",
  villages: "/konsol/desa",
  sessions: "/konsol/sosialisasi",
  actionItems: "/konsol/koordinasi",
};

/** The list page showing the rows a figure counts (its filters become the page's filters, see `filtersFromSearch`). */
export function figureHref(f: Figure): string {
  const filter: Record<string, string> = f.list === "overdueCaseItems" ? { overdue: "true" } : { ...f.filter };
  // The case list opens on unfinished cases; a figure over every case asks for no status filter explicitly.
  if (f.list === "cases" && !("status" in filter)) filter.status = "";
  const q = new URLSearchParams(filter).toString();
  return q ? `${PAGES[f.list]}?${q}` : PAGES[f.list];
}
