// Console navigation. Entries follow the abilities the server computes for the user
// (GET /api/auth/me); the UI never re-implements role rules.
export type NavGroup = "main" | "admin" | "oversight";

export interface NavItem {
  id: string;
  path: string;
  /** null: every signed-in user has it (their own overview). */
  ability: string | null;
  group: NavGroup;
  /** false: a module that is announced in the navigation but not built yet. */
  built: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: "dashboard", path: "/konsol", ability: null, group: "main", built: true },
  { id: "reports", path: "/konsol/laporan", ability: "viewReports", group: "main", built: true },
  { id: "cases", path: "/konsol/kasus", ability: "viewCases", group: "main", built: true },
  { id: "villages", path: "/konsol/desa", ability: "viewVillages", group: "main", built: true },
  { id: "outreach", path: "/konsol/sosialisasi", ability: "recordOutreach", group: "main", built: true },
  { id: "coverage", path: "/konsol/cakupan", ability: "viewCoverage", group: "main", built: true },
  { id: "map", path: "/konsol/peta", ability: "viewVillageMap", group: "main", built: true },
  { id: "chatCheck", path: "/konsol/grup-desa", ability: "checkGroupChats", group: "main", built: true },
  { id: "coordination", path: "/konsol/koordinasi", ability: "viewCoordination", group: "main", built: true },
  { id: "periodic", path: "/konsol/laporan-berkala", ability: "viewPeriodicReports", group: "main", built: true },
  { id: "volunteers", path: "/konsol/relawan", ability: "manageVolunteers", group: "main", built: true },
  { id: "intel", path: "/konsol/intelijen", ability: "viewIntel", group: "main", built: true },
  { id: "screenings", path: "/konsol/wawancara", ability: "viewScreenings", group: "main", built: true },
  { id: "screeningStats", path: "/konsol/wawancara/statistik", ability: "viewScreeningStats", group: "main", built: true },
  { id: "screeningVisits", path: "/konsol/kunjungan", ability: "viewScreeningVisits", group: "main", built: true },
  { id: "screeningReferrals", path: "/konsol/rujukan-wawancara", ability: "viewScreeningReferrals", group: "main", built: true },
  { id: "jobCheck", path: "/konsol/cek-lowongan", ability: "checkJobs", group: "main", built: false },
  { id: "agencies", path: "/konsol/admin/instansi", ability: "manageAgencies", group: "admin", built: true },
  { id: "users", path: "/konsol/admin/pengguna", ability: "manageUsers", group: "admin", built: true },
  { id: "audit", path: "/konsol/audit", ability: "readAudit", group: "oversight", built: true },
  { id: "privacy", path: "/konsol/data-pribadi", ability: "erasePersonalData", group: "oversight", built: true },
];

export function allowed(item: NavItem, abilities: Record<string, boolean>): boolean {
  return item.ability === null || abilities[item.ability] === true;
}

export function visibleNav(abilities: Record<string, boolean>): NavItem[] {
  return NAV_ITEMS.filter((item) => allowed(item, abilities));
}

export function findNavItem(pathname: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => item.path === pathname);
}
