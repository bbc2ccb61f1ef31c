// Demo registry: companies that are obviously invented ("Contoh", "(fiktif)", DEMO licence
// numbers), one per status, so the checker and the search can be tried without the real list.
import type { AppContext } from "../../context";
import type { P3miInput } from "./p3mi.file";
import { importP3mi } from "./p3mi.service";

const SOURCE = "Data demo fiktif, bukan data resmi KP2MI";

export const DEMO_P3MI: Omit<P3miInput, "row" | "source" | "lastVerifiedOn">[] = [
  {
    name: "PT Contoh Penempatan Sejahtera (fiktif)",
    licenceNumber: "DEMO/SIP3MI/001/2025",
    validFrom: "2025-01-15",
    validUntil: "2030-01-14",
    status: "active",
    headOfficeAddress: "Jl. Contoh Raya No. 1, Kota Serang, Banten (alamat fiktif)",
    branches: [{ address: "Jl. Contoh Pantai No. 2, Pontang, Kabupaten Serang (alamat fiktif)" }],
  },
  {
    name: "PT Contoh Karya Samudra (fiktif)",
    licenceNumber: "DEMO/SIP3MI/002/2024",
    validFrom: "2024-06-01",
    validUntil: "2029-05-31",
    status: "active",
    headOfficeAddress: "Jl. Contoh Industri No. 3, Jakarta Timur (alamat fiktif)",
    branches: [],
  },
  {
    name: "PT Contoh Mitra Bahari (fiktif)",
    licenceNumber: "DEMO/SIP3MI/003/2023",
    validFrom: "2023-03-01",
    validUntil: "2028-02-28",
    status: "suspended",
    headOfficeAddress: "Jl. Contoh Pelabuhan No. 4, Kota Cilegon (alamat fiktif)",
    branches: [],
  },
  {
    name: "PT Contoh Jasa Migran (fiktif)",
    licenceNumber: "DEMO/SIP3MI/004/2022",
    validFrom: "2022-08-01",
    validUntil: "2027-07-31",
    status: "revoked",
    headOfficeAddress: "Jl. Contoh Lama No. 5, Kabupaten Tangerang (alamat fiktif)",
    branches: [],
  },
  {
    name: "PT Contoh Lama Abadi (fiktif)",
    licenceNumber: "DEMO/SIP3MI/005/2019",
    validFrom: "2019-01-01",
    validUntil: "2023-12-31",
    status: "active",
    headOfficeAddress: "Jl. Contoh Kenangan No. 6, Kota Serang (alamat fiktif)",
    branches: [],
  },
];

/** Seeds the fictional companies; safe to run again (the import is idempotent). */
export async function seedDemoP3mi(ctx: AppContext): Promise<number> {
  const rows = DEMO_P3MI.map((c, i) => ({ ...c, row: i + 2, source: SOURCE, lastVerifiedOn: "2026-01-05" }));
  const report = await importP3mi(ctx, { rows, rejected: [] }, { source: SOURCE });
  return report.inserted;
}
