// Demo data that makes a fresh console worth opening: Serang's agencies, one user per role,
// and the Desa Binaan villages of Pontang and Tirtayasa. Clearly marked as demo.
import { randomBytes } from "node:crypto";
import { eq, like } from "drizzle-orm";
import type { Role } from "../../core/roles";
import type { Principal } from "../auth/principal";
import { agencies, regions } from "../db/schema";
import { villagePrograms } from "../modules/villages/villages.tables";
import type { AppContext } from "../context";
import { AdminService } from "../modules/admin/admin.service";
import { SYSTEM_ACTOR } from "../modules/audit/audit.service";
import { seedDemoP3mi } from "../modules/p3mi/p3mi.demo";

export const DEMO_AGENCIES = [
  { code: "KANIM-SRG", name: "Kantor Imigrasi Kelas I Non TPI Serang", category: "government" },
  { code: "DP3AKB", name: "DP3AKB Kabupaten Serang (UPTD PPA)", category: "government" },
  { code: "POLRES-SRG", name: "Polres Serang", category: "government" },
  { code: "DISNAKERTRANS", name: "Disnakertrans Kabupaten Serang", category: "government" },
  { code: "BP3MI-BTN", name: "BP3MI Banten", category: "government" },
  { code: "KANWIL-KEMENKUM", name: "Kanwil Kementerian Hukum Banten", category: "government" },
  { code: "DINSOS", name: "Dinas Sosial Kabupaten Serang", category: "government" },
  { code: "DINKES", name: "Dinas Kesehatan Kabupaten Serang", category: "government" },
  { code: "KEJARI", name: "Kejaksaan Negeri Kabupaten Serang", category: "government" },
  { code: "MEDIA-MITRA", name: "Radar Banten (mitra media, demo)", category: "media" },
  { code: "PEMDES-PONTANG", name: "Pemerintah Desa Pontang", category: "government" },
] as const;

type DemoUser = { username: string; displayName: string; agency: string; roles: Role[]; jurisdiction?: string[] };

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", displayName: "Admin Simpul (demo)", agency: "DP3AKB", roles: ["admin"] },
  { username: "koordinator", displayName: "Sekretariat Gugus Tugas (demo)", agency: "DP3AKB", roles: ["coordinator"] },
  { username: "operator", displayName: "Operator Disnakertrans (demo)", agency: "DISNAKERTRANS", roles: ["agency_operator"] },
  {
    username: "pimpasa",
    displayName: "PIMPASA Pontang (demo)",
    agency: "KANIM-SRG",
    roles: ["pimpasa"],
    jurisdiction: ["36.04.12", "36.04.13"],
  },
  { username: "wawancara", displayName: "Petugas Wawancara Paspor (demo)", agency: "KANIM-SRG", roles: ["interview_officer"] },
  {
    username: "supervisor.wawancara",
    displayName: "Kepala Seksi Wawancara (demo)",
    agency: "KANIM-SRG",
    roles: ["interview_officer", "interview_supervisor"],
  },
  { username: "manajer.kasus", displayName: "Manajer Kasus UPTD PPA (demo)", agency: "DP3AKB", roles: ["case_manager"] },
  { username: "penyidik", displayName: "Penyidik Unit PPA Polres (demo)", agency: "POLRES-SRG", roles: ["investigator"] },
  {
    username: "relawan",
    displayName: "Relawan Desa Pontang (demo)",
    agency: "PEMDES-PONTANG",
    roles: ["volunteer"],
    jurisdiction: ["36.04.12.2001"],
  },
  { username: "auditor", displayName: "Auditor Internal (demo)", agency: "DP3AKB", roles: ["auditor"] },
];

/** Kecamatan whose desa are the pilot Desa Binaan Imigrasi (September 2023). */
export const DESA_BINAAN_KECAMATAN = ["36.04.12", "36.04.13"];

export async function seedDemo(ctx: AppContext): Promise<{ username: string; password: string; roles: Role[] }[]> {
  const tenant = ctx.config.regency;
  const system: Principal = {
    id: "00000000-0000-0000-0000-000000000000",
    tenant,
    username: "system",
    displayName: "system",
    agencyId: null,
    roles: ["admin"],
    jurisdiction: null,
    locale: "id",
  };
  const admin = new AdminService(ctx);
  const ids = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const [existing] = await ctx.db.select().from(agencies).where(eq(agencies.code, a.code));
    ids.set(a.code, existing ? existing.id : (await admin.createAgency(system, SYSTEM_ACTOR, { ...a })).id);
  }
  const credentials: { username: string; password: string; roles: Role[] }[] = [];
  for (const u of DEMO_USERS) {
    const password = ctx.config.demoPassword ?? randomBytes(9).toString("base64url");
    await admin.createUser(
      system,
      SYSTEM_ACTOR,
      {
        username: u.username,
        displayName: u.displayName,
        agencyId: ids.get(u.agency)!,
        roles: u.roles,
        jurisdiction: u.jurisdiction ? { kind: "areas", codes: u.jurisdiction } : { kind: "regency" },
      },
      password,
    );
    credentials.push({ username: u.username, password, roles: u.roles });
  }
  await ctx.withAudit(
    SYSTEM_ACTOR,
    { action: "village.designate_demo", resourceType: "village_program", details: { kecamatan: DESA_BINAAN_KECAMATAN } },
    async (tx) => {
      for (const kec of DESA_BINAAN_KECAMATAN) {
        const desa = await tx
          .select({ code: regions.code })
          .from(regions)
          .where(like(regions.code, `${kec}.%`));
        if (desa.length === 0) continue;
        await tx
          .insert(villagePrograms)
          .values(
            desa.map((d) => ({
              tenant,
              desaCode: d.code,
              status: "active" as const,
              decreeDate: "2023-09",
              designatingOffice: "Kantor Imigrasi Kelas I Non TPI Serang",
              notes: "Data demo: nomor SK belum diisi.",
            })),
          )
          .onConflictDoNothing();
      }
    },
  );
  await seedDemoP3mi(ctx);
  return credentials;
}
