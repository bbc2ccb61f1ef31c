// Shapes of the Desa Binaan, outreach and volunteer APIs, inferred from the server's response
// schemas (type-only imports: nothing from the server reaches the bundle).
import type { z } from "zod";
import type { RISK_LEVELS } from "../../../core/village-risk";
import type { CalendarItemSchema, Coverage, SessionCreate, SessionView } from "../../../server/modules/outreach/outreach.schema";
import type { MapResponse, VillageDetail, VillageSummary } from "../../../server/modules/villages/villages.schema";
import type { VolunteerView } from "../../../server/modules/volunteers/volunteers.schema";

export type { Coverage, MapResponse, SessionCreate, SessionView, VillageDetail, VillageSummary, VolunteerView };
export type CalendarItem = z.infer<typeof CalendarItemSchema>;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type ProgramStatus = VillageSummary["status"];

export const VILLAGES_PATH = "/konsol/desa";
export const OUTREACH_PATH = "/konsol/sosialisasi";
export const OUTREACH_NEW_PATH = "/konsol/sosialisasi/baru";
export const COVERAGE_PATH = "/konsol/cakupan";
export const VOLUNTEERS_PATH = "/konsol/relawan";
export const MAP_PATH = "/konsol/peta";
export const CHAT_CHECK_PATH = "/konsol/grup-desa";

export const PROGRAM_STATUSES: readonly ProgramStatus[] = ["none", "candidate", "active"];
export const RISK_COLOURS: Record<RiskLevel, string> = { high: "red", medium: "orange", low: "teal", unknown: "gray" };
export const STATUS_COLOURS: Record<ProgramStatus, string> = { active: "teal", candidate: "blue", none: "gray" };

export function outreachSessionPath(id: string): string {
  return `${OUTREACH_PATH}/${encodeURIComponent(id)}`;
}

export function villagePath(code: string): string {
  return `${VILLAGES_PATH}/${encodeURIComponent(code)}`;
}

const AREA_PATHS = [VILLAGES_PATH, OUTREACH_PATH, COVERAGE_PATH, VOLUNTEERS_PATH, MAP_PATH, CHAT_CHECK_PATH];

/** Pages of the Desa Binaan and outreach area (the console hands them to ProgrammeArea). */
export function isProgrammePath(pathname: string): boolean {
  return AREA_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
