// The console home per role: the figures of the sections the caller may see (dashboard.policy.ts). Every
// count is computed by the module that owns the list behind it, with that list's own scope, and is sent with
// the list and the filters that show the same rows (dashboard.schema.ts). The sections are independent
// reads on the pool, so they run side by side.
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { wibDate } from "../../lib/wib";
import { caseStats } from "../cases/cases.service";
import { CASE_STATUSES, TRAFFICKING_STATUSES } from "../../../core/cases";
import { CoordinationService } from "../coordination/coordination.service";
import { sessionCounts } from "../outreach/outreach.service";
import { reportCounts, type ReportCounts } from "../reports/reports.service";
import { VillagesService } from "../villages/villages.service";
import { DASHBOARD_SECTIONS, type DashboardSection, dashboardPolicy } from "./dashboard.policy";
import type { Dashboard, DashboardList, Figure } from "./dashboard.schema";

/** Days of outreach the dashboard counts, today (WIB) included. */
export const OUTREACH_DAYS = 30;

const fig = (value: number, list: DashboardList, filter: Record<string, string> = {}): Figure => ({ value, list, filter });

/** One figure per key, each filtered by `key` on `field` of the list. */
function each<K extends string>(keys: readonly K[], counts: Record<K, number>, list: DashboardList, field: string, extra = {}) {
  return Object.fromEntries(keys.map((k) => [k, fig(counts[k] ?? 0, list, { ...extra, [field]: k })])) as Record<K, Figure>;
}

function reportSection(c: ReportCounts, list: "reports" | "inbox") {
  return {
    byStatus: each(Object.keys(c.byStatus) as (keyof ReportCounts["byStatus"])[], c.byStatus, list, "status"),
    open: fig(c.open, list, { status: "open" }),
    overdue: fig(c.overdue, list, { status: "open", overdue: "true" }),
  };
}

export class DashboardService {
  private readonly villages: VillagesService;
  private readonly coordination: CoordinationService;

  constructor(private readonly ctx: AppContext) {
    this.villages = new VillagesService(ctx);
    this.coordination = new CoordinationService(ctx);
  }

  async forCaller(p: Principal, now = new Date()): Promise<Dashboard> {
    const sections = DASHBOARD_SECTIONS.filter((s) => dashboardPolicy.can(p, s, undefined));
    const has = (s: DashboardSection) => sections.includes(s);
    const db = this.ctx.db;
    const period = { from: wibDate(new Date(now.getTime() - (OUTREACH_DAYS - 1) * 86_400_000)), to: wibDate(now) };
    const sessions = async (mine: boolean) => {
      const extra = mine ? { ...period, mine: "true" as const } : period;
      const c = await sessionCounts(db, p, extra);
      return {
        period,
        byStatus: each(["planned", "held", "cancelled"] as const, c.byStatus, "sessions", "status", extra),
        peopleReached: { ...fig(c.peopleReached, "sessions", { ...extra, status: "held" }), sum: "attendanceTotals.total" as const },
      };
    };
    const [reports, inbox, cases, villages, outreach, mySessions, actionItems] = await Promise.all([
      has("reports") ? reportCounts(db, p, "queue", now).then((c) => reportSection(c, "reports")) : undefined,
      has("inbox") ? reportCounts(db, p, "inbox", now).then((c) => reportSection(c, "inbox")) : undefined,
      has("cases")
        ? caseStats(this.ctx, p, now).then((s) => ({
            total: fig(s.cases, "cases"),
            byStatus: each(CASE_STATUSES, s.byStatus as Record<(typeof CASE_STATUSES)[number], number>, "cases", "status"),
            byTraffickingStatus: each(
              TRAFFICKING_STATUSES,
              s.byTraffickingStatus as Record<(typeof TRAFFICKING_STATUSES)[number], number>,
              "cases",
              "traffickingStatus",
            ),
            overdueReferrals: fig(s.overdueReferrals, "overdueCaseItems", { kind: "referral" }),
            overdueServices: fig(s.overdueServices, "overdueCaseItems", { kind: "service" }),
          }))
        : undefined,
      has("villages")
        ? this.villages.overview(p, now).then((v) => ({
            desa: fig(v.desa, "villages"),
            byRisk: each(Object.keys(v.byRisk) as (keyof typeof v.byRisk)[], v.byRisk, "villages", "risk"),
            byStatus: each(Object.keys(v.byStatus) as (keyof typeof v.byStatus)[], v.byStatus, "villages", "status"),
            neverReached: fig(v.reach.never, "villages", { reach: "never" }),
            notReachedRecently: fig(v.reach.stale, "villages", { reach: "stale" }),
          }))
        : undefined,
      has("outreach") ? sessions(false) : undefined,
      has("mySessions") ? sessions(true) : undefined,
      has("actionItems")
        ? this.coordination.actionItemCounts(p, now).then((c) => ({
            byStatus: each(["open", "in_progress", "done", "dropped"] as const, c.byStatus, "actionItems", "status"),
            overdue: fig(c.overdue, "actionItems", { overdue: "true" }),
          }))
        : undefined,
    ]);
    return { generatedAt: now.toISOString(), sections, reports, inbox, cases, villages, outreach, mySessions, actionItems };
  }
}
