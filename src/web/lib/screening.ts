// Passport-interview screening as the console sees it: paths and the API's shapes (type-only imports
// from the server's schemas; nothing from the server reaches the bundle).
import type { z } from "zod";
import type {
  AssignmentViewSchema,
  CandidateSchema,
  ScreeningDetailSchema,
  ScreeningSummarySchema,
  StatsSchema,
} from "../../server/modules/screening/screening.schema";

export const SCREENINGS_PATH = "/konsol/wawancara";
export const SCREENING_NEW_PATH = `${SCREENINGS_PATH}/baru`;
export const SCREENING_STATS_PATH = `${SCREENINGS_PATH}/statistik`;
export const VISITS_PATH = "/konsol/kunjungan";
export const SCREENING_REFERRALS_PATH = "/konsol/rujukan-wawancara";

export function isScreeningPath(pathname: string): boolean {
  const p = pathname.replace(/\/+$/, "");
  return p === SCREENINGS_PATH || p.startsWith(`${SCREENINGS_PATH}/`) || p === VISITS_PATH || p === SCREENING_REFERRALS_PATH;
}

export type ScreeningSummary = z.infer<typeof ScreeningSummarySchema>;
export type ScreeningDetail = z.infer<typeof ScreeningDetailSchema>;
export type Assignment = z.infer<typeof AssignmentViewSchema>;
export type ScreeningStats = z.infer<typeof StatsSchema>;
export type VisitCandidate = z.infer<typeof CandidateSchema>;
