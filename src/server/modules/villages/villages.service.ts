// Desa Binaan: the village list and page, designation, indicators per period, and the map data.
import { and, eq, inArray } from "drizzle-orm";
import {
  assessPeriod,
  assessVillage,
  comparePeriods,
  INDICATOR_KEYS,
  type IndicatorFigures,
  type RiskAssessment,
  RISK_LEVELS,
  type RiskLevel,
  RISK_RULE_TEXT,
} from "../../../core/village-risk";
import type { Principal } from "../../auth/principal";
import { users } from "../../db/schema";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { activeWithRole } from "../../db/users";
import { decrypt, encrypt } from "../../lib/crypto";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { villagePolicy } from "./villages.policy";
import {
  type DesaRow,
  type DetailRow,
  type IndicatorRow,
  listDesa,
  loadDetails,
  loadIndicators,
  loadPrograms,
  type OutreachAggregate,
  outreachByDesa,
  type ProgramRow,
  simpulCountsByPeriod,
} from "./villages.repo";
import {
  type Indicator,
  type IndicatorInput,
  PROGRAM_STATUSES,
  type VillageDetail,
  type VillageSummary,
  type VillageUpdate,
} from "./villages.schema";

type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
import { villageDetails, villageIndicators, villagePrograms } from "./villages.tables";

type SimpulCounts = Map<string, { reportsReceived: number; outreachSessions: number; peopleReached: number }>;
const NO_COUNTS = { reportsReceived: 0, outreachSessions: 0, peopleReached: 0 };

/** The figures the rule reads for one period: recorded figures, with Simpul's report count when none was recorded. */
function figuresOf(row: IndicatorRow, simpul: { reportsReceived: number }): IndicatorFigures {
  return {
    residentsAbroad: row.residentsAbroad,
    nonProceduralDepartures: row.nonProceduralDepartures,
    victims: row.victims,
    passportPostponements: row.passportPostponements,
    reportsReceived: row.reportsReceived ?? (simpul.reportsReceived > 0 ? simpul.reportsReceived : null),
  };
}

function riskView(a: RiskAssessment) {
  return { level: a.level, period: a.period, reason: a.reason, reasonEn: a.reasonEn, triggers: a.triggers, inputs: a.inputs };
}

export function riskOf(rows: IndicatorRow[] | undefined, counts: SimpulCounts): RiskAssessment {
  return assessVillage(
    (rows ?? []).map((r) => ({ period: r.period, figures: figuresOf(r, counts.get(`${r.desaCode}|${r.period}`) ?? NO_COUNTS) })),
  );
}

export const RECENT_DAYS = 90;

/**
 * Every Desa Binaan (active or candidate) of the regency with its risk level now, for the periodic reports:
 * regency-wide aggregates, so no caller scope (the report's own policy decides who reads them).
 */
export async function programmeRisk(
  db: Db,
  tenant: string,
): Promise<{ desaCode: string; status: "active" | "candidate"; level: RiskLevel }[]> {
  const [programs, indicators, counts] = await Promise.all([
    loadPrograms(db, tenant),
    loadIndicators(db, tenant),
    simpulCountsByPeriod(db, tenant),
  ]);
  return [...programs.values()]
    .filter((p): p is ProgramRow & { status: "active" | "candidate" } => p.status === "active" || p.status === "candidate")
    .map((p) => ({ desaCode: p.desaCode, status: p.status, level: riskOf(indicators.get(p.desaCode), counts).level }));
}

// Read by the outreach module's coverage (modules reach each other through the service file).
export { listDesa, loadDetails, loadPrograms, outreachByDesa } from "./villages.repo";

export type Reach = "never" | "stale";

/** Never reached: no held session ever; stale: none in the last RECENT_DAYS days (never reached included). */
function reachOf(v: VillageSummary, now: Date): Record<Reach, boolean> {
  const last = v.outreach.lastSessionAt ? Date.parse(v.outreach.lastSessionAt) : null;
  return { never: last === null, stale: last === null || now.getTime() - last > RECENT_DAYS * 86_400_000 };
}

/** The village list's figures for a dashboard: desa per risk level and status, and those never or not recently reached. */
export type VillageOverview = {
  desa: number;
  byRisk: Record<RiskLevel, number>;
  byStatus: Record<ProgramStatus, number>;
  reach: Record<Reach, number>;
};

export type VillageData = {
  desa: DesaRow[];
  programs: Map<string, ProgramRow>;
  details: Map<string, DetailRow>;
  indicators: Map<string, IndicatorRow[]>;
  outreach: Map<string, OutreachAggregate>;
  counts: SimpulCounts;
};

export class VillagesService {
  constructor(private readonly ctx: AppContext) {}

  /** Everything the list, the map and coverage need, for the desa the caller may see. */
  async load(p: Principal): Promise<VillageData> {
    const db = this.ctx.db;
    const [desa, programs, details, indicators, outreach] = await Promise.all([
      listDesa(db, this.ctx.config.regency, p.jurisdiction),
      loadPrograms(db, p.tenant),
      loadDetails(db, p.tenant),
      loadIndicators(db, p.tenant),
      outreachByDesa(db, p.tenant),
    ]);
    // The rule reads Simpul's own counts only for a desa's recorded periods: count only the caller's desa that have some.
    const counts = await simpulCountsByPeriod(
      db,
      p.tenant,
      desa.filter((d) => indicators.has(d.code)).map((d) => d.code),
    );
    return { desa, programs, details, indicators, outreach, counts };
  }

  summaryOf(d: DesaRow, data: VillageData): VillageSummary {
    const program = data.programs.get(d.code);
    const o = data.outreach.get(d.code);
    return {
      code: d.code,
      name: d.name,
      kecamatanCode: d.kecamatanCode,
      kecamatanName: d.kecamatanName,
      status: program?.status ?? "none",
      decreeNumber: program?.decreeNumber ?? null,
      decreeDate: program?.decreeDate ?? null,
      designatingOffice: program?.designatingOffice ?? null,
      population: data.details.get(d.code)?.population ?? null,
      risk: riskView(riskOf(data.indicators.get(d.code), data.counts)),
      outreach: {
        sessions: o?.sessions ?? 0,
        peopleReached: o?.peopleReached ?? 0,
        lastSessionAt: o?.lastSessionAt?.toISOString() ?? null,
      },
    };
  }

  /** The desa that match, one page of them when `limit` is given, and how many match in all. */
  async list(
    p: Principal,
    q: { kecamatan?: string; status?: string; risk?: string; reach?: Reach; q?: string; limit?: number; offset?: number },
    now = new Date(),
  ): Promise<{ items: VillageSummary[]; total: number }> {
    const data = await this.load(p);
    const needle = q.q?.toLowerCase();
    // Risk and status are computed per desa, so the page is cut after filtering.
    const matching = data.desa
      .filter((d) => (!q.kecamatan || d.kecamatanCode === q.kecamatan) && (!needle || d.name.toLowerCase().includes(needle)))
      .map((d) => this.summaryOf(d, data))
      .filter(
        (v) => (!q.status || v.status === q.status) && (!q.risk || v.risk.level === q.risk) && (!q.reach || reachOf(v, now)[q.reach]),
      );
    const offset = q.offset ?? 0;
    const items = q.limit === undefined ? matching.slice(offset) : matching.slice(offset, offset + q.limit);
    return { items, total: matching.length };
  }

  /** Counts over exactly what `list` shows the caller, each matching one of its filters (risk, status, reach). */
  async overview(p: Principal, now = new Date()): Promise<VillageOverview> {
    const { items } = await this.list(p, {}, now);
    const out: VillageOverview = {
      desa: items.length,
      byRisk: Object.fromEntries(RISK_LEVELS.map((r) => [r, 0])) as Record<RiskLevel, number>,
      byStatus: Object.fromEntries(PROGRAM_STATUSES.map((s) => [s, 0])) as Record<ProgramStatus, number>,
      reach: { never: 0, stale: 0 },
    };
    for (const v of items) {
      out.byRisk[v.risk.level]++;
      out.byStatus[v.status]++;
      const r = reachOf(v, now);
      if (r.never) out.reach.never++;
      if (r.stale) out.reach.stale++;
    }
    return out;
  }

  /** Loads one desa the caller may see; anything else (unknown, outside the regency or jurisdiction) is 404. */
  private async visibleDesa(p: Principal, code: string, action: "view" | "manage"): Promise<DesaRow> {
    if (!villagePolicy.can(p, action, { desaCode: code })) throw new AppError("not_found");
    const [d] = (await listDesa(this.ctx.db, this.ctx.config.regency, [code])).filter((r) => r.code === code);
    if (!d) throw new AppError("not_found");
    return d;
  }

  async get(p: Principal, code: string): Promise<VillageDetail> {
    const d = await this.visibleDesa(p, code, "view");
    const db = this.ctx.db;
    const [programs, details, indicators, outreach, counts] = await Promise.all([
      loadPrograms(db, p.tenant, code),
      loadDetails(db, p.tenant, code),
      loadIndicators(db, p.tenant, code),
      outreachByDesa(db, p.tenant),
      simpulCountsByPeriod(db, p.tenant, code),
    ]);
    const data: VillageData = { desa: [d], programs, details, indicators, outreach, counts };
    const summary = this.summaryOf(d, data);
    const program = programs.get(code);
    const detail = details.get(code);
    const seePhone = villagePolicy.can(p, "seeFocalPhone", { desaCode: code });
    const officers = detail?.pimpasaUserIds.length
      ? await db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(and(eq(users.tenant, p.tenant), inArray(users.id, detail.pimpasaUserIds)))
      : [];
    const rows = [...(indicators.get(code) ?? [])].sort((a, b) => comparePeriods(b.period, a.period));
    const indicatorViews: Indicator[] = rows.map((r) => {
      const simpul = counts.get(`${code}|${r.period}`) ?? NO_COUNTS;
      const figures = Object.fromEntries(
        INDICATOR_KEYS.map((k) => {
          const value = r[k];
          const source = r[`${k}Source`];
          if (k === "reportsReceived" && value === null && simpul.reportsReceived > 0)
            return [k, { value: simpul.reportsReceived, source: "Simpul (pengaduan masuk)" }];
          return [k, { value, source }];
        }),
      ) as Indicator["figures"];
      return {
        period: r.period,
        figures,
        notes: r.notes,
        simpul,
        risk: riskView(assessPeriod(r.period, figuresOf(r, simpul))),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
    return {
      ...summary,
      notes: program?.notes ?? null,
      pimpasa: officers,
      focalPoint: {
        name: detail?.focalName ?? null,
        position: detail?.focalPosition ?? null,
        phone: seePhone && detail?.focalPhoneEnc ? decrypt(this.ctx.keys, detail.focalPhoneEnc) : null,
        phoneHidden: !seePhone && !!detail?.focalPhoneEnc,
      },
      populationYear: detail?.populationYear ?? null,
      populationSource: detail?.populationSource ?? null,
      indicators: indicatorViews,
      riskRule: RISK_RULE_TEXT.id,
      abilities: { manage: villagePolicy.can(p, "manage", { desaCode: code }), seeFocalPhone: seePhone },
      updatedAt: (detail?.updatedAt ?? program?.updatedAt)?.toISOString() ?? null,
    };
  }

  /** Designates a desa or updates its programme data. PIMPASA only inside their jurisdiction (404 outside). */
  async update(p: Principal, actor: AuditActor, code: string, patch: VillageUpdate): Promise<VillageDetail> {
    await this.visibleDesa(p, code, "manage");
    if (patch.pimpasaUserIds?.length) await this.checkOfficers(p, code, patch.pimpasaUserIds);
    const programFields = {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.decreeNumber !== undefined ? { decreeNumber: patch.decreeNumber || null } : {}),
      ...(patch.decreeDate !== undefined ? { decreeDate: patch.decreeDate } : {}),
      ...(patch.designatingOffice !== undefined ? { designatingOffice: patch.designatingOffice || null } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes || null } : {}),
    };
    const detailFields = {
      ...(patch.pimpasaUserIds !== undefined ? { pimpasaUserIds: [...new Set(patch.pimpasaUserIds)] } : {}),
      ...(patch.focalPoint !== undefined
        ? {
            focalName: patch.focalPoint.name || null,
            focalPosition: patch.focalPoint.position || null,
            focalPhoneEnc: patch.focalPoint.phone ? encrypt(this.ctx.keys, patch.focalPoint.phone) : null,
          }
        : {}),
      ...(patch.population !== undefined ? { population: patch.population } : {}),
      ...(patch.populationYear !== undefined ? { populationYear: patch.populationYear } : {}),
      ...(patch.populationSource !== undefined ? { populationSource: patch.populationSource || null } : {}),
    };
    // The audit record names the fields changed, never the focal point's phone.
    const details: Record<string, unknown> = { fields: Object.keys(patch) };
    if (patch.status !== undefined) details.status = patch.status;
    await this.ctx.withAudit(
      actor,
      { action: patch.status ? "village.designate" : "village.update", resourceType: "village", resourceId: code, details },
      async (tx) => {
        const now = new Date();
        await tx
          .insert(villagePrograms)
          .values({ tenant: p.tenant, desaCode: code, ...programFields, updatedAt: now })
          .onConflictDoUpdate({ target: [villagePrograms.tenant, villagePrograms.desaCode], set: { ...programFields, updatedAt: now } });
        if (Object.keys(detailFields).length) {
          await tx
            .insert(villageDetails)
            .values({ tenant: p.tenant, desaCode: code, ...detailFields, updatedAt: now, updatedBy: p.id })
            .onConflictDoUpdate({
              target: [villageDetails.tenant, villageDetails.desaCode],
              set: { ...detailFields, updatedAt: now, updatedBy: p.id },
            });
        }
      },
    );
    return this.get(p, code);
  }

  async putIndicators(p: Principal, actor: AuditActor, code: string, period: string, input: IndicatorInput): Promise<VillageDetail> {
    await this.visibleDesa(p, code, "manage");
    const values: Record<string, unknown> = { notes: input.notes ?? null };
    for (const k of INDICATOR_KEYS) {
      const f = input.figures[k];
      values[k] = f?.value ?? null;
      values[`${k}Source`] = f?.value === null || f === undefined ? null : (f.source ?? null);
    }
    await this.ctx.withAudit(
      actor,
      {
        action: "village.indicators",
        resourceType: "village",
        resourceId: code,
        details: { period, figures: INDICATOR_KEYS.filter((k) => input.figures[k]) },
      },
      async (tx) => {
        const now = new Date();
        await tx
          .insert(villageIndicators)
          .values({ tenant: p.tenant, desaCode: code, period, ...values, updatedAt: now, updatedBy: p.id })
          .onConflictDoUpdate({
            target: [villageIndicators.tenant, villageIndicators.desaCode, villageIndicators.period],
            set: { ...values, updatedAt: now, updatedBy: p.id },
          });
      },
    );
    return this.get(p, code);
  }

  async deleteIndicators(p: Principal, actor: AuditActor, code: string, period: string): Promise<VillageDetail> {
    await this.visibleDesa(p, code, "manage");
    await this.ctx.withAudit(
      actor,
      { action: "village.indicators_delete", resourceType: "village", resourceId: code, details: { period } },
      async (tx) => {
        const deleted = await tx
          .delete(villageIndicators)
          .where(and(eq(villageIndicators.tenant, p.tenant), eq(villageIndicators.desaCode, code), eq(villageIndicators.period, period)))
          .returning({ id: villageIndicators.id });
        if (deleted.length === 0) throw new AppError("not_found");
      },
    );
    return this.get(p, code);
  }

  /** PIMPASA officers who may be assigned to a desa: active accounts with the pimpasa role covering it. */
  async officers(p: Principal, code?: string): Promise<{ id: string; displayName: string; jurisdiction: string[] | null }[]> {
    const rows = await this.ctx.db
      .select({ id: users.id, displayName: users.displayName, jurisdiction: users.jurisdiction })
      .from(users)
      .where(activeWithRole(p.tenant, "pimpasa"))
      .orderBy(users.displayName);
    return rows.filter((u) => !code || u.jurisdiction === null || u.jurisdiction.some((a) => code === a || code.startsWith(`${a}.`)));
  }

  private async checkOfficers(p: Principal, code: string, ids: string[]): Promise<void> {
    const allowed = new Set((await this.officers(p, code)).map((o) => o.id));
    const fields: Record<string, FieldIssue> = {};
    ids.forEach((id, i) => {
      if (!allowed.has(id)) fields[`pimpasaUserIds.${i}`] = { code: "invalid_value" };
    });
    if (Object.keys(fields).length) throw invalid(fields);
  }
}
