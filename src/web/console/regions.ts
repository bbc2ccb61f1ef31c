import { api } from "../lib/api";

/** Kabupaten Serang; used when the server does not say which regency it serves. */
const DEFAULT_REGENCY = "36.04";

let installationRegency: Promise<string> | null = null;

/**
 * The regency this installation serves, whose kecamatan and desa make up jurisdictions.
 * Read from /api/health when the server reports it (`regency.code` or `regencyCode`).
 */
export function getInstallationRegency(): Promise<string> {
  installationRegency ??= api
    .get<{ regency?: { code?: string } | string; regencyCode?: string }>("/api/health")
    .then((health) => {
      if (typeof health.regency === "string") return health.regency;
      return health.regency?.code ?? health.regencyCode ?? DEFAULT_REGENCY;
    })
    .catch(() => DEFAULT_REGENCY);
  return installationRegency;
}
