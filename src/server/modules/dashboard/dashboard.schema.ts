// The console home's figures. Every number comes with the list it counts and that list's filters, so the
// console links it to exactly those rows (the list's API accepts the same filters as query parameters).
import { z } from "zod";
import { RISK_LEVELS } from "../../../core/village-risk";
import { ACTION_ITEM_STATUSES } from "../../../core/coordination";
import { CASE_STATUSES, TRAFFICKING_STATUSES } from "../../../core/cases";
import { SESSION_STATUSES } from "../outreach/outreach.tables";
import { REPORT_STATUSES } from "../../../core/reports";
import { PROGRAM_STATUSES } from "../villages/villages.schema";

/** The lists a figure can point at (the console maps each to its page, the API to its route). */
export const DASHBOARD_LISTS = {
  reports: "/api/reports",
  inbox: "/api/reports/inbox",
  cases: "/api/cases",
  villages: "/api/villages",
  sessions: "/api/outreach/sessions",
  actionItems: "/api/coordination/action-items",
  overdueCaseItems: "/api/cases/overdue",
} as const;
export type DashboardList = keyof typeof DASHBOARD_LISTS;

export const FigureSchema = z.object({
  value: z.number().int(),
  list: z.enum(Object.keys(DASHBOARD_LISTS) as [DashboardList, ...DashboardList[]]).describe("Daftar yang dihitung angka ini"),
  filter: z.record(z.string(), z.string()).describe("Filter daftar itu (parameter kueri) yang menghasilkan baris yang sama"),
  sum: z
    .literal("attendanceTotals.total")
    .optional()
    .describe("Bila ada: angka ini jumlah kolom itu atas baris daftar, bukan banyaknya baris"),
});
export type Figure = z.infer<typeof FigureSchema>;

const figures = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, FigureSchema])) as Record<K, typeof FigureSchema>);

const ReportsSection = z.object({
  byStatus: figures(REPORT_STATUSES),
  open: FigureSchema,
  overdue: FigureSchema.describe("Lewat batas verifikasi (3 hari kerja) atau tanggapan instansi (5 hari kerja)"),
});

const SessionsSection = z.object({
  period: z.object({ from: z.string(), to: z.string() }).describe("30 hari terakhir (WIB), tanggal inklusif"),
  byStatus: figures(SESSION_STATUSES),
  peopleReached: FigureSchema.describe("Orang terjangkau oleh sesi terlaksana dalam periode (jumlah attendanceTotals.total sesi itu)"),
});

export const DashboardSchema = z.object({
  generatedAt: z.string(),
  sections: z.array(z.string()).describe("Bagian yang boleh dilihat pemanggil"),
  reports: ReportsSection.optional().describe("Koordinator: alur pengaduan di wilayah kerja"),
  inbox: ReportsSection.optional().describe("Operator instansi: kotak masuk instansinya"),
  cases: z
    .object({
      total: FigureSchema,
      byStatus: figures(CASE_STATUSES),
      byTraffickingStatus: figures(TRAFFICKING_STATUSES),
      overdueReferrals: FigureSchema.describe("Rujukan belum dijawab lewat tenggat"),
      overdueServices: FigureSchema.describe("Layanan lewat tanggal jatuh tempo"),
    })
    .optional()
    .describe("Hanya hitungan, tanpa data orang"),
  villages: z
    .object({
      desa: FigureSchema,
      byRisk: figures(RISK_LEVELS),
      byStatus: figures(PROGRAM_STATUSES),
      neverReached: FigureSchema,
      notReachedRecently: FigureSchema.describe("Tidak ada sesi terlaksana dalam 90 hari (termasuk yang belum pernah)"),
    })
    .optional(),
  outreach: SessionsSection.optional().describe("Sesi sosialisasi di wilayah kerja"),
  mySessions: SessionsSection.optional().describe("Relawan: sesi yang dicatatnya sendiri"),
  actionItems: z.object({ byStatus: figures(ACTION_ITEM_STATUSES), overdue: FigureSchema }).optional(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
