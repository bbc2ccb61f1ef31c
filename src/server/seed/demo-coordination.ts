// Demo data of the task force's coordination: sub-task-force membership, focal points (fictional names
// and numbers, marked demo), a meeting held three weeks ago with attendance, minutes and decisions whose
// action items include one overdue for Disnakertrans, and a meeting planned for next week.
// Deterministic ids (demoId), so a second run inserts nothing. Dates relative to `now`, in WIB.
import { and, eq, inArray } from "drizzle-orm";
import { todayWib, type TaskForce } from "../../core/coordination";
import { agencies, users } from "../db/schema";
import type { AppContext } from "../context";
import { encrypt } from "../lib/crypto";
import { SYSTEM_ACTOR } from "../modules/audit/audit.service";
import {
  actionItems,
  decisions,
  focalPoints,
  meetingAttendance,
  meetings,
  taskForceMembers,
} from "../modules/coordination/coordination.tables";
import { demoId } from "./demo-programme";

const DAY = 86_400_000;

const MEMBERSHIP: Record<string, TaskForce[]> = {
  DP3AKB: ["coordination", "social_rehabilitation"],
  "KANIM-SRG": ["prevention"],
  DISNAKERTRANS: ["prevention", "social_rehabilitation"],
  "POLRES-SRG": ["law_enforcement"],
  KEJARI: ["law_enforcement"],
  DINSOS: ["social_rehabilitation"],
  DINKES: ["health_rehabilitation"],
  "BP3MI-BTN": ["prevention", "social_rehabilitation"],
  "MEDIA-MITRA": ["prevention"],
};

const FOCAL_POINTS: { agency: string; name: string; position: string; phone: string }[] = [
  { agency: "DP3AKB", name: "Rina Marlina (demo)", position: "Sekretaris Gugus Tugas", phone: "0812 0000 1101" },
  { agency: "DISNAKERTRANS", name: "Agus Salim (demo)", position: "Kabid Penempatan Tenaga Kerja", phone: "0812 0000 1102" },
  { agency: "KANIM-SRG", name: "Dewi Lestari (demo)", position: "Kasi Lalu Lintas Keimigrasian", phone: "0812 0000 1103" },
  { agency: "POLRES-SRG", name: "Iptu Hendra (demo)", position: "Kanit PPA Satreskrim", phone: "0812 0000 1104" },
  { agency: "DINSOS", name: "Siti Aminah (demo)", position: "Kabid Rehabilitasi Sosial", phone: "0812 0000 1105" },
  { agency: "DINKES", name: "dr. Yusuf (demo)", position: "Kabid Pelayanan Kesehatan", phone: "0812 0000 1106" },
];

function wibDay(now: Date, offsetDays: number): string {
  return todayWib(new Date(now.getTime() + offsetDays * DAY));
}

export async function seedDemoCoordination(ctx: AppContext, now = new Date()): Promise<{ meetings: number; actionItems: number }> {
  const tenant = ctx.config.regency;
  const agency = new Map(
    (await ctx.db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(eq(agencies.tenant, tenant))).map((a) => [
      a.code,
      a.id,
    ]),
  );
  const [coordinator] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenant, tenant), inArray(users.username, ["koordinator"])));
  const [operator] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenant, tenant), eq(users.username, "operator")));
  const a = (code: string) => agency.get(code);
  if (!coordinator || !a("DISNAKERTRANS") || !a("DP3AKB")) return { meetings: 0, actionItems: 0 };
  const past = demoId("coordination:meeting:past");
  const next = demoId("coordination:meeting:next");
  const [exists] = await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, past));
  if (exists) return { meetings: 0, actionItems: 0 };
  const invited = ["DISNAKERTRANS", "KANIM-SRG", "POLRES-SRG", "DINSOS", "DINKES", "BP3MI-BTN"].map(a).filter((x): x is string => !!x);
  const heldAt = new Date(`${wibDay(now, -21)}T09:00:00+07:00`);
  const nextAt = new Date(`${wibDay(now, 7)}T13:30:00+07:00`);
  const d1 = demoId("coordination:decision:1");
  const d2 = demoId("coordination:decision:2");
  const d3 = demoId("coordination:decision:3");

  await ctx.withAudit(SYSTEM_ACTOR, { action: "demo.seed_coordination", details: { meetings: 2, actionItems: 4 } }, async (tx) => {
    const members = Object.entries(MEMBERSHIP).flatMap(([code, tfs]) =>
      a(code) ? tfs.map((taskForce) => ({ tenant, agencyId: a(code)!, taskForce })) : [],
    );
    if (members.length) await tx.insert(taskForceMembers).values(members).onConflictDoNothing();
    const fps = FOCAL_POINTS.filter((f) => a(f.agency)).map((f) => ({
      id: demoId(`coordination:fp:${f.agency}`),
      tenant,
      agencyId: a(f.agency)!,
      name: f.name,
      position: f.position,
      phoneEnc: encrypt(ctx.keys, f.phone),
    }));
    if (fps.length) await tx.insert(focalPoints).values(fps).onConflictDoNothing();
    await tx.insert(meetings).values([
      {
        id: past,
        tenant,
        title: "Rapat Koordinasi Gugus Tugas TPPO (demo)",
        startsAt: heldAt,
        place: "Ruang Rapat Sekretariat Daerah",
        agenda: "1. Evaluasi laporan masyarakat bulan lalu\n2. Penertiban perekrut tanpa izin\n3. Rencana sosialisasi Desa Binaan",
        invitedAgencyIds: invited,
        minutesEnc: encrypt(
          ctx.keys,
          "Sekretariat memaparkan rekap laporan bulan lalu. Disnakertrans menyampaikan temuan perekrut tanpa izin di dua kecamatan. " +
            "Imigrasi melaporkan penundaan paspor atas hasil wawancara. Rapat menyepakati langkah berikut.",
        ),
        createdBy: coordinator.id,
      },
      {
        id: next,
        tenant,
        title: "Rapat Persiapan Sosialisasi Terpadu (demo)",
        startsAt: nextAt,
        onlineUrl: "https://meet.example.org/gugus-tugas-demo",
        agenda: "Pembagian peran sosialisasi bulan depan",
        invitedAgencyIds: invited,
        createdBy: coordinator.id,
      },
    ]);
    await tx.insert(meetingAttendance).values(
      invited.map((agencyId, i) => ({
        meetingId: past,
        agencyId,
        present: i !== invited.length - 1,
        headcount: i !== invited.length - 1 ? 1 + (i % 2) : 0,
      })),
    );
    await tx.insert(decisions).values([
      { id: d1, meetingId: past, seq: 1, text: "Disnakertrans menertibkan perekrut tanpa izin yang dilaporkan masyarakat." },
      { id: d2, meetingId: past, seq: 2, text: "Sosialisasi terpadu di desa berisiko tinggi dilaksanakan bulan ini." },
      { id: d3, meetingId: past, seq: 3, text: "Dinas Sosial menyiapkan rumah perlindungan sementara." },
    ]);
    await tx.insert(actionItems).values([
      {
        id: demoId("coordination:item:1"),
        tenant,
        meetingId: past,
        decisionId: d1,
        title: "Kirim surat teguran ke perekrut tanpa izin dan laporkan hasilnya",
        ownerAgencyId: a("DISNAKERTRANS")!,
        ownerUserId: operator?.id ?? null,
        dueDate: wibDay(now, -7),
        status: "open",
      },
      {
        id: demoId("coordination:item:2"),
        tenant,
        meetingId: past,
        decisionId: d2,
        title: "Jadwal sosialisasi di Desa Pontang",
        ownerAgencyId: a("KANIM-SRG") ?? a("DP3AKB")!,
        dueDate: wibDay(now, 10),
        status: "in_progress",
        linkKind: "village",
        linkRef: "36.04.12.2001",
      },
      {
        id: demoId("coordination:item:3"),
        tenant,
        meetingId: past,
        decisionId: d2,
        title: "Bahan tayang tanda bahaya lowongan kerja",
        ownerAgencyId: a("DP3AKB")!,
        dueDate: wibDay(now, -10),
        status: "done",
        proof: "Bahan tayang dibagikan di grup gugus tugas.",
        completedAt: new Date(now.getTime() - 12 * DAY),
      },
      {
        id: demoId("coordination:item:4"),
        tenant,
        meetingId: past,
        decisionId: d3,
        title: "Daftar rumah perlindungan yang siap dipakai",
        ownerAgencyId: a("DINSOS") ?? a("DP3AKB")!,
        dueDate: wibDay(now, 14),
        status: "open",
      },
    ]);
  });
  return { meetings: 2, actionItems: 4 };
}
