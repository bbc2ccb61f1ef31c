// Public services. A service appears on the home page only once it exists (enabled: true),
// so residents are never sent to a page that is not there yet.
export interface PublicFeature {
  id: "jobCheck" | "companyCheck" | "numberCheck" | "report" | "reportStatus" | "statistics";
  path: string;
  enabled: boolean;
}

export const PUBLIC_FEATURES: readonly PublicFeature[] = [
  { id: "jobCheck", path: "/cek-lowongan", enabled: true },
  { id: "companyCheck", path: "/cek-perusahaan", enabled: true },
  { id: "numberCheck", path: "/cek-nomor", enabled: true },
  { id: "report", path: "/lapor", enabled: true },
  { id: "reportStatus", path: "/lapor/status", enabled: true },
  { id: "statistics", path: "/statistik", enabled: true },
];

export function enabledFeatures(): PublicFeature[] {
  return PUBLIC_FEATURES.filter((feature) => feature.enabled);
}
