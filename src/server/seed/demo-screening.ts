// Demo passport interviews (fictional people, deterministic): a few issued, postponed and refused
// interviews of applicants from Pontang and Tirtayasa, the postponements reviewed blind by the demo
// supervisor, so the interview list, the review queue and the statistics have content on first start.
// Postponements are dated in the previous year, so they feed that year's village figures and leave the
// current period's demo risk levels as demo-programme.ts sets them.
import { and, eq } from "drizzle-orm";
import { principalOf } from "../auth/auth.service";
import type { AppContext } from "../context";
import { users } from "../db/schema";
import { SYSTEM_ACTOR } from "../modules/audit/audit.service";
import { ScreeningReviewService } from "../modules/screening/screening.review";
import type { ScreeningCreate } from "../modules/screening/screening.schema";
import { ScreeningService } from "../modules/screening/screening.service";

type Demo = Omit<ScreeningCreate, "documents" | "redFlags" | "missing"> &
  Partial<Pick<ScreeningCreate, "documents" | "redFlags" | "missing">>;

function interviews(year: number): Demo[] {
  const y = year;
  const p = y - 1;
  return [
    {
      interviewedAt: `${p}-08-12T09:15:00+07:00`,
      applicant: { name: "Rina Marlina (demo)", sex: "female", ageBand: "21-25", desaCode: "36.04.12.2001" },
      purpose: "tourism",
      destinationCountry: "KH",
      job: "Admin toko daring",
      paidBy: "sponsor_or_recruiter",
      offerText: "Lowongan admin di Kamboja gaji 12 juta, tanpa pengalaman, tiket dan visa turis ditanggung, berangkat minggu depan",
      redFlags: ["tourist_or_umrah_cover", "contradictory_story"],
      certainty: 4,
      decision: "postpone",
      reasonCode: "suspected_non_procedural_work",
      missing: ["Keterangan tujuan wisata yang dapat diperiksa"],
    },
    {
      interviewedAt: `${p}-09-03T10:40:00+07:00`,
      applicant: { name: "Dede Supriatna (demo)", sex: "male", ageBand: "26-35", desaCode: "36.04.13.2003" },
      purpose: "work",
      destinationCountry: "MY",
      job: "Buruh perkebunan sawit",
      paidBy: "loan",
      redFlags: ["debt_to_recruiter", "sponsor_unknown"],
      certainty: 3,
      decision: "postpone",
      reasonCode: "missing_documents",
      missing: ["Rekomendasi Disnaker"],
    },
    {
      interviewedAt: `${p}-11-20T13:05:00+07:00`,
      applicant: { name: "Siti Nurjanah (demo)", sex: "female", ageBand: "17-20", desaCode: "36.04.12.2004" },
      purpose: "umrah_hajj",
      destinationCountry: "SA",
      documents: ["kemenag_recommendation"],
      redFlags: ["documents_held_by_other", "recruiter_present"],
      certainty: 4,
      decision: "refuse",
      reasonCode: "suspected_trafficking",
    },
    {
      interviewedAt: `${y}-02-05T08:50:00+07:00`,
      applicant: { name: "Ahmad Fauzi (demo)", sex: "male", ageBand: "21-25", desaCode: "36.04.13.2001" },
      purpose: "work",
      destinationCountry: "JP",
      job: "Perawat lansia (program G to G)",
      documents: ["disnaker_recommendation"],
      paidBy: "self",
      certainty: 5,
      decision: "issue",
    },
    {
      interviewedAt: `${y}-03-18T11:20:00+07:00`,
      applicant: { name: "Yuyun Yuningsih (demo)", sex: "female", ageBand: "36-45", desaCode: "36.04.12.2002" },
      purpose: "family_visit",
      destinationCountry: "HK",
      documents: ["invitation_letter", "relative_passport_copy"],
      paidBy: "family",
      certainty: 4,
      decision: "issue",
    },
    {
      interviewedAt: `${y}-04-09T09:35:00+07:00`,
      applicant: { name: "Rizky Maulana (demo)", sex: "male", ageBand: "17-20", desaCode: "36.04.13.2005" },
      purpose: "study_internship",
      destinationCountry: "TW",
      job: "Magang kampus di pabrik",
      paidBy: "loan",
      redFlags: ["debt_to_recruiter"],
      certainty: 2,
      decision: "postpone",
      reasonCode: "missing_documents",
      missing: ["Rekomendasi Kemnaker"],
    },
  ];
}

/** Seeds the demo interviews once (skips when the office already has interviews). */
export async function seedDemoScreenings(ctx: AppContext, now = new Date()): Promise<number> {
  const find = async (username: string) =>
    (
      await ctx.db
        .select()
        .from(users)
        .where(and(eq(users.tenant, ctx.config.regency), eq(users.username, username)))
    )[0];
  const officer = await find("wawancara");
  const supervisor = await find("supervisor.wawancara");
  if (!officer || !supervisor) return 0;
  const svc = new ScreeningService(ctx);
  const reviews = new ScreeningReviewService(ctx, svc);
  if ((await svc.list(principalOf(officer), { limit: 1, offset: 0 })).total > 0) return 0;
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(now));
  let n = 0;
  for (const d of interviews(year)) {
    const created = await svc.create(principalOf(officer), SYSTEM_ACTOR, { documents: [], redFlags: [], missing: [], ...d });
    n++;
    // Last year's postponements and refusals were reviewed; this year's wait in the review queue.
    if (created.status === "awaiting_review" && d.interviewedAt!.startsWith(String(year - 1))) {
      await reviews.review(principalOf(supervisor), SYSTEM_ACTOR, created.id, { decision: d.decision, reasonCode: d.reasonCode });
    }
  }
  return n;
}
