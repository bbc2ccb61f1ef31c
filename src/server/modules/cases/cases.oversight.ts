// Deadlines and aggregates: overdue referrals and services for the sending team and the coordinators,
// case statistics for coordinators (counts only), and the escalation of newly overdue items (run by cases.jobs.ts).
import { and, eq, sql, type SQL } from "drizzle-orm";
import { holidayDates } from "../../../core/holidays-id";
import { hasRole, type Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { type Db, rowsOf } from "../../db/client";
import { users } from "../../db/schema";
import { activeWithRole } from "../../db/users";
import { uiWord } from "../../lib/ui-words";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { notify, type NewNotification } from "../notifications/notifications.service";
import { inJurisdiction } from "../reports/reports.policy";
import { jakartaDate, startOfJakartaDay, workingDaysBetween } from "../../lib/working-days";
import { isCaseWorker } from "./cases.policy";
import { caseJurisdictionSql, iso } from "./cases.repo";
import { cases } from "./cases.tables";
import type { SERVICE_TYPES } from "../../../core/cases";

/** Cases whose deadlines the caller watches: its own teams, and a coordinator's jurisdiction. */
function watchScope(p: Principal): SQL {
  const parts: SQL[] = [];
  if (isCaseWorker(p))
    parts.push(sql`EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = ${cases.id} AND m.user_id = ${p.id} AND m.removed_at IS NULL)`);
  if (hasRole(p, "coordinator")) parts.push(caseJurisdictionSql(p));
  return parts.length ? sql`(${cases.tenant} = ${p.tenant} AND (${sql.join(parts, sql` OR `)}))` : sql`false`;
}

export type OverdueItem = {
  kind: "referral" | "service";
  caseId: string;
  caseCode: string;
  itemId: string;
  agency: { id: string; name: string } | null;
  serviceType: (typeof SERVICE_TYPES)[number] | null;
  dueAt: string;
  overdueWorkingDays: number;
};

export async function overdueItems(ctx: AppContext, p: Principal, now = new Date()): Promise<OverdueItem[]> {
  const holidays = holidayDates(ctx.config.holidaysExtra);
  const scope = watchScope(p);
  const today = jakartaDate(now);
  const refs = rowsOf<{
    id: string;
    case_id: string;
    code: string;
    agency_id: string;
    agency_name: string;
    due: string | Date;
    service_type: OverdueItem["serviceType"];
  }>(
    await ctx.db.execute(sql`SELECT r.id, r.case_id, ${cases.code} AS code, r.to_agency_id AS agency_id, a.name AS agency_name, r.respond_due_at AS due, s.type AS service_type
      FROM case_referrals r JOIN cases ON ${cases.id} = r.case_id JOIN agencies a ON a.id = r.to_agency_id
      LEFT JOIN case_services s ON s.id = r.service_id
      WHERE ${scope} AND r.status = 'sent' AND r.respond_due_at <= ${now.toISOString()}
      ORDER BY r.respond_due_at LIMIT 500`),
  );
  const svcs = rowsOf<{
    id: string;
    case_id: string;
    code: string;
    agency_id: string | null;
    agency_name: string | null;
    due: string;
    service_type: NonNullable<OverdueItem["serviceType"]>;
  }>(
    await ctx.db.execute(sql`SELECT s.id, s.case_id, ${cases.code} AS code, s.provider_agency_id AS agency_id, a.name AS agency_name, s.due_date::text AS due, s.type AS service_type
      FROM case_services s JOIN cases ON ${cases.id} = s.case_id LEFT JOIN agencies a ON a.id = s.provider_agency_id
      WHERE ${scope} AND ${cases.status} <> 'closed' AND s.status IN ('planned', 'in_progress') AND s.due_date < ${today}
      ORDER BY s.due_date LIMIT 500`),
  );
  return [
    ...refs.map((r) => {
      const due = new Date(r.due);
      return {
        kind: "referral" as const,
        caseId: r.case_id,
        caseCode: r.code,
        itemId: r.id,
        agency: { id: r.agency_id, name: r.agency_name },
        serviceType: r.service_type,
        dueAt: iso(due)!,
        overdueWorkingDays: workingDaysBetween(new Date(due.getTime() - 1), now, holidays),
      };
    }),
    ...svcs.map((s) => {
      // Due at the end of the due date: overdue from the first instant of the next day.
      const due = startOfJakartaDay(jakartaDate(new Date(Date.parse(`${s.due}T12:00:00+07:00`) + 86_400_000)));
      return {
        kind: "service" as const,
        caseId: s.case_id,
        caseCode: s.code,
        itemId: s.id,
        agency: s.agency_id ? { id: s.agency_id, name: s.agency_name! } : null,
        serviceType: s.service_type,
        dueAt: iso(due)!,
        overdueWorkingDays: workingDaysBetween(new Date(due.getTime() - 1), now, holidays),
      };
    }),
  ];
}

function tally(rows: { k: string | null; n: number | string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.k ?? "unknown"] = Number(r.n);
  return out;
}

/** Coordinator statistics over the jurisdiction: counts only, no person-level data. */
export async function caseStats(ctx: AppContext, p: Principal, now = new Date()) {
  const scope = and(eq(cases.tenant, p.tenant), caseJurisdictionSql(p))!;
  const q = async (expr: SQL) => rowsOf<{ k: string | null; n: number }>(await ctx.db.execute(expr));
  const byStatus = await q(sql`SELECT ${cases.status} AS k, count(*)::int AS n FROM cases WHERE ${scope} GROUP BY 1`);
  const byTs = await q(sql`SELECT ${cases.traffickingStatus} AS k, count(*)::int AS n FROM cases WHERE ${scope} GROUP BY 1`);
  const byKec = await q(
    sql`SELECT substring(${cases.regionCode} from '^\\d{2}\\.\\d{2}\\.\\d{2}') AS k, count(*)::int AS n FROM cases WHERE ${scope} GROUP BY 1`,
  );
  const victims = (col: string) =>
    q(
      sql`SELECT v.${sql.raw(col)} AS k, count(*)::int AS n FROM case_persons v JOIN cases ON ${cases.id} = v.case_id WHERE ${scope} AND v.kind = 'victim' GROUP BY 1`,
    );
  const [overdue] = rowsOf<{ r: number; s: number }>(
    await ctx.db.execute(sql`SELECT
      (SELECT count(*)::int FROM case_referrals r JOIN cases ON ${cases.id} = r.case_id WHERE ${scope} AND r.status = 'sent' AND r.respond_due_at <= ${now.toISOString()}) AS r,
      (SELECT count(*)::int FROM case_services s JOIN cases ON ${cases.id} = s.case_id WHERE ${scope} AND ${cases.status} <> 'closed' AND s.status IN ('planned', 'in_progress') AND s.due_date < ${jakartaDate(now)}) AS s`),
  );
  const statusTally = tally(byStatus);
  return {
    cases: Object.values(statusTally).reduce((a, b) => a + b, 0),
    byStatus: statusTally,
    byTraffickingStatus: tally(byTs),
    victimsBySex: tally(await victims("sex")),
    victimsByAgeBand: tally(await victims("age_band")),
    victimsByPmiStatus: tally(await victims("pmi_status")),
    byKecamatan: tally(byKec),
    overdueReferrals: Number(overdue?.r ?? 0),
    overdueServices: Number(overdue?.s ?? 0),
  };
}

/**
 * Marks newly overdue referrals and services as escalated and notifies the sender (or the case owner)
 * and the coordinators of the case's area, in-app and by e-mail when SMTP is configured (the reports
 * module's outbox and mail job deliver it). Titles carry the case code only, never a name.
 */
export async function escalateCaseDeadlines(ctx: AppContext, now: Date): Promise<{ referrals: number; services: number }> {
  const tenant = ctx.config.regency;
  const coordinators = await ctx.db
    .select({ id: users.id, email: users.email, jurisdiction: users.jurisdiction })
    .from(users)
    .where(activeWithRole(tenant, "coordinator"));
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const at = now.toISOString();
    const refs = rowsOf<{
      id: string;
      case_id: string;
      from_user_id: string;
      code: string;
      region_code: string | null;
      agency_name: string;
    }>(
      await tx.execute(sql`UPDATE case_referrals r SET escalated_at = ${at} FROM cases c, agencies a
        WHERE r.id IN (SELECT id FROM case_referrals WHERE tenant = ${tenant} AND status = 'sent' AND respond_due_at <= ${at} AND escalated_at IS NULL
                       ORDER BY respond_due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
          AND c.id = r.case_id AND a.id = r.to_agency_id
        RETURNING r.id, r.case_id, r.from_user_id, c.code, c.region_code, a.name AS agency_name`),
    );
    const svcs = rowsOf<{ id: string; case_id: string; owner_id: string; code: string; region_code: string | null; type: string }>(
      await tx.execute(sql`UPDATE case_services s SET escalated_at = ${at} FROM cases c
        WHERE s.id IN (SELECT id FROM case_services WHERE tenant = ${tenant} AND status IN ('planned', 'in_progress') AND due_date < ${jakartaDate(now)}
                       AND escalated_at IS NULL ORDER BY due_date LIMIT 500 FOR UPDATE SKIP LOCKED)
          AND c.id = s.case_id AND c.status <> 'closed'
        RETURNING s.id, s.case_id, c.owner_id, c.code, c.region_code, s.type`),
    );
    const emails = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.tenant, tenant))).map((u) => [u.id, u.email]),
    );
    const out: NewNotification[] = [];
    const tell = (userIds: string[], caseId: string, regionCode: string | null, title: string, body: string) => {
      const to = new Set(userIds);
      for (const c of coordinators) if (inJurisdiction({ jurisdiction: c.jurisdiction } as never, regionCode)) to.add(c.id);
      for (const userId of to)
        out.push({
          tenant,
          userId,
          email: emails.get(userId) ?? null,
          kind: "case.overdue",
          resourceType: "case",
          resourceId: caseId,
          title,
          body,
        });
    };
    for (const r of refs) {
      await ctx.audit.write(tx, SYSTEM_ACTOR, {
        action: "referral.escalate",
        resourceType: "referral",
        resourceId: r.id,
        details: { caseId: r.case_id },
      });
      tell(
        [r.from_user_id],
        r.case_id,
        r.region_code,
        `Rujukan kasus ${r.code} belum dijawab`,
        `${r.agency_name} belum menjawab rujukan kasus ${r.code} dalam 2 hari kerja.`,
      );
    }
    for (const s of svcs) {
      await ctx.audit.write(tx, SYSTEM_ACTOR, {
        action: "case.service_escalate",
        resourceType: "case",
        resourceId: s.case_id,
        details: { serviceId: s.id },
      });
      // The service's name as the console shows it, never its code (`legal_aid`).
      const service = uiWord("id", `cases.service.type.${s.type}`);
      tell(
        [s.owner_id],
        s.case_id,
        s.region_code,
        `Layanan kasus ${s.code} lewat tenggat`,
        `Layanan ${service} pada kasus ${s.code} belum diberikan sampai tanggal jatuh tempo.`,
      );
    }
    await notify(ctx, tx, out, now);
    return { referrals: refs.length, services: svcs.length };
  });
}
