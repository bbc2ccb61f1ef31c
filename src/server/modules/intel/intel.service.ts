// Recruiter intelligence for investigators and coordinators: search and list entities, open one with its
// identifiers and the records that name them, its network, the watchlist, and human judgements (same /
// not the same / unsure) with merge and split. Every read and change is audited; values never enter the
// audit details.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { users } from "../../db/schema";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { decrypt, encrypt } from "../../lib/crypto";
import { AppError, invalid, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { caseRoutePolicy } from "../cases/cases.policy";
import { cases } from "../cases/cases.tables";
import { identifierHash } from "../../lib/identifiers";
import { reportQueuePolicy } from "../reports/reports.policy";
import { publicReports } from "../reports/reports.tables";
import { formatTrackingCode } from "../reports/reports.service";
import { screenings } from "../screening/screening.tables";
import { searchHashes } from "./intel.identifiers";
import type { EntityDetail, EntitySummary } from "./intel.schema";
import { judgedApart, mergeEntities } from "./intel.sync";
import { type IntelIdentifierKind, intelEntities, intelIdentifiers, intelJudgements, intelMentions } from "./intel.tables";

type EntityRow = typeof intelEntities.$inferSelect;

/** pg_trgm-style similarity of two names (shared trigrams over all trigrams), in the app: names are encrypted. */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Set<string>();
    for (const word of s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)) {
      const w = `  ${word} `;
      for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
    }
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

export class IntelService {
  constructor(private readonly ctx: AppContext) {}

  private open(v: string | null): string | null {
    return v ? decrypt(this.ctx.keys, v) : null;
  }

  /** The entity an id names now (following merges), in the caller's tenant. */
  private async resolve(db: Db, tenant: string, id: string): Promise<EntityRow> {
    let current = id;
    for (let hops = 0; hops < 20; hops++) {
      const e = await findTenantRow(db, intelEntities, tenant, current);
      if (!e) throw notFound();
      if (!e.mergedInto) return e;
      current = e.mergedInto;
    }
    throw notFound();
  }

  list(p: Principal, actor: AuditActor, q: { q?: string; watched?: "true" | "false"; minRecords: number; limit: number; offset: number }) {
    const hashes = q.q ? searchHashes(this.ctx.keys, q.q) : [];
    return this.ctx.withAudit(
      actor,
      {
        action: "intel.search",
        resourceType: "intel",
        details: { search: q.q ? hashes.map((h) => h.kind) : null, watched: q.watched ?? null },
      },
      async (tx) => {
        if (q.q && hashes.length === 0) return { items: [] as EntitySummary[], total: 0 };
        const matching = hashes.length
          ? sql`AND e.id IN (SELECT entity_id FROM intel_identifiers WHERE tenant = ${p.tenant} AND (${sql.join(
              hashes.map((h) => sql`(kind = ${h.kind} AND hash = ${h.hash})`),
              sql` OR `,
            )}))`
          : sql``;
        const watched = q.watched === undefined ? sql`` : sql`AND e.watched = ${q.watched === "true"}`;
        const result = await tx.execute(sql`
          SELECT e.id, e.kind, e.label_enc, e.watched, count(*) OVER () AS total,
            count(DISTINCT m.source_id) FILTER (WHERE m.source = 'report')::int AS reports,
            count(DISTINCT m.source_id) FILTER (WHERE m.source = 'screening')::int AS screenings,
            count(DISTINCT m.source_id) FILTER (WHERE m.source = 'case')::int AS cases
          FROM intel_entities e
          JOIN intel_identifiers i ON i.entity_id = e.id
          LEFT JOIN intel_mentions m ON m.identifier_id = i.id
          WHERE e.tenant = ${p.tenant} AND e.merged_into IS NULL ${matching} ${watched}
          GROUP BY e.id
          HAVING count(DISTINCT (m.source, m.source_id)) >= ${q.minRecords}
          ORDER BY count(DISTINCT (m.source, m.source_id)) DESC, e.created_at ASC
          LIMIT ${q.limit} OFFSET ${q.offset}`);
        const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as {
          id: string;
          kind: "person" | "company";
          label_enc: string | null;
          watched: boolean;
          total: string | number;
          reports: number;
          screenings: number;
          cases: number;
        }[];
        const idents = rows.length
          ? await tx
              .select({ entityId: intelIdentifiers.entityId, kind: intelIdentifiers.kind, valueEnc: intelIdentifiers.valueEnc })
              .from(intelIdentifiers)
              .where(
                inArray(
                  intelIdentifiers.entityId,
                  rows.map((r) => r.id),
                ),
              )
              .orderBy(asc(intelIdentifiers.firstSeenAt))
          : [];
        return {
          total: rows.length ? Number(rows[0]!.total) : 0,
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            label: this.open(r.label_enc),
            watched: r.watched,
            identifiers: idents
              .filter((i) => i.entityId === r.id)
              .slice(0, 6)
              .map((i) => ({ kind: i.kind, value: this.open(i.valueEnc) ?? "" })),
            records: { report: Number(r.reports), screening: Number(r.screenings), case: Number(r.cases) },
          })),
        };
      },
    );
  }

  get(p: Principal, actor: AuditActor, id: string): Promise<EntityDetail> {
    return this.ctx.withAudit(
      actor,
      (d: EntityDetail) => ({ action: "intel.read", resourceType: "intel_entity", resourceId: d.id }),
      async (tx) => this.detail(tx, p, await this.resolve(tx, p.tenant, id)),
    );
  }

  private async mentionsOf(tx: Db, entityId: string) {
    return tx
      .select({
        identifierId: intelIdentifiers.id,
        kind: intelIdentifiers.kind,
        valueEnc: intelIdentifiers.valueEnc,
        firstSeenAt: intelIdentifiers.firstSeenAt,
        source: intelMentions.source,
        sourceId: intelMentions.sourceId,
        role: intelMentions.role,
        nameEnc: intelMentions.nameEnc,
      })
      .from(intelIdentifiers)
      .leftJoin(intelMentions, eq(intelMentions.identifierId, intelIdentifiers.id))
      .where(eq(intelIdentifiers.entityId, entityId))
      .orderBy(asc(intelIdentifiers.firstSeenAt));
  }

  private async records(tx: Db, p: Principal, mentions: { source: string | null; sourceId: string | null; role: string | null }[]) {
    const ids = (s: string) => [...new Set(mentions.filter((m) => m.source === s).map((m) => m.sourceId!))];
    const roleOf = (s: string, id: string) => mentions.find((m) => m.source === s && m.sourceId === id)?.role ?? null;
    const reportIds = ids("report");
    const screeningIds = ids("screening");
    const caseIds = ids("case");
    const reps = reportIds.length
      ? await tx
          .select({ id: publicReports.id, code: publicReports.trackingCode, at: publicReports.receivedAt, status: publicReports.status })
          .from(publicReports)
          .where(and(eq(publicReports.tenant, p.tenant), inArray(publicReports.id, reportIds)))
      : [];
    const scrs = screeningIds.length
      ? await tx
          .select({ id: screenings.id, code: screenings.code, at: screenings.interviewedAt, status: screenings.finalDecision })
          .from(screenings)
          .where(and(eq(screenings.tenant, p.tenant), inArray(screenings.id, screeningIds)))
      : [];
    const css = caseIds.length
      ? await tx
          .select({ id: cases.id, code: cases.code, at: cases.createdAt, status: cases.status })
          .from(cases)
          .where(and(eq(cases.tenant, p.tenant), inArray(cases.id, caseIds)))
      : [];
    return [
      ...reps.map((r) => ({
        source: "report" as const,
        id: r.id,
        code: formatTrackingCode(r.code),
        at: r.at.toISOString(),
        status: r.status,
        role: roleOf("report", r.id),
        canOpen: reportQueuePolicy.can(p, "queue", undefined),
      })),
      ...scrs.map((r) => ({
        source: "screening" as const,
        id: r.id,
        code: r.code,
        at: r.at.toISOString(),
        status: r.status,
        role: roleOf("screening", r.id),
        canOpen: false,
      })),
      ...css.map((r) => ({
        source: "case" as const,
        id: r.id,
        code: r.code,
        at: r.at.toISOString(),
        status: r.status,
        role: roleOf("case", r.id),
        canOpen: caseRoutePolicy.can(p, "list", undefined),
      })),
    ].sort((a, b) => b.at.localeCompare(a.at));
  }

  private async detail(tx: Db, p: Principal, e: EntityRow): Promise<EntityDetail> {
    const mentions = await this.mentionsOf(tx, e.id);
    const identifiers = new Map<
      string,
      { id: string; kind: IntelIdentifierKind; value: string; records: Set<string>; firstSeenAt: string }
    >();
    for (const m of mentions) {
      const i = identifiers.get(m.identifierId) ?? {
        id: m.identifierId,
        kind: m.kind,
        value: this.open(m.valueEnc) ?? "",
        records: new Set<string>(),
        firstSeenAt: m.firstSeenAt.toISOString(),
      };
      if (m.source) i.records.add(`${m.source}:${m.sourceId}`);
      identifiers.set(m.identifierId, i);
    }
    const names = [...new Set([this.open(e.labelEnc), ...mentions.map((m) => this.open(m.nameEnc))].filter((n): n is string => !!n))];
    const recordList = await this.records(tx, p, mentions);
    const judgements = await tx
      .select({
        a: intelJudgements.entityA,
        b: intelJudgements.entityB,
        verdict: intelJudgements.verdict,
        noteEnc: intelJudgements.noteEnc,
        by: users.displayName,
        at: intelJudgements.judgedAt,
      })
      .from(intelJudgements)
      .innerJoin(users, eq(users.id, intelJudgements.judgedBy))
      .where(or(eq(intelJudgements.entityA, e.id), eq(intelJudgements.entityB, e.id)))
      .orderBy(desc(intelJudgements.judgedAt));
    const judged = new Set(judgements.map((j) => (j.a === e.id ? j.b : j.a)));
    const others = await tx
      .select({ id: intelEntities.id, labelEnc: intelEntities.labelEnc })
      .from(intelEntities)
      .where(
        and(
          eq(intelEntities.tenant, p.tenant),
          isNull(intelEntities.mergedInto),
          sql`${intelEntities.id} <> ${e.id}`,
          sql`${intelEntities.labelEnc} IS NOT NULL`,
        ),
      )
      .limit(5000);
    const suggestions = names.length
      ? others
          .filter((o) => !judged.has(o.id))
          .map((o) => {
            const label = this.open(o.labelEnc) ?? "";
            return { id: o.id, label, similarity: Math.max(...names.map((n) => trigramSimilarity(n, label))) };
          })
          .filter((s) => s.similarity >= 0.45)
          .sort((a, b) => b.similarity - a.similarity)
          .slice(0, 5)
          .map((s) => ({ ...s, similarity: Math.round(s.similarity * 100) / 100 }))
      : [];
    const count = (s: string) => recordList.filter((r) => r.source === s).length;
    return {
      id: e.id,
      kind: e.kind,
      label: this.open(e.labelEnc),
      watched: e.watched,
      watchReason: this.open(e.watchReasonEnc),
      names,
      identifiers: [...identifiers.values()].map((i) => ({
        id: i.id,
        kind: i.kind,
        value: i.value,
        records: i.records.size,
        firstSeenAt: i.firstSeenAt,
      })),
      records: { report: count("report"), screening: count("screening"), case: count("case") },
      recordList,
      judgements: judgements.map((j) => ({
        otherId: j.a === e.id ? j.b : j.a,
        verdict: j.verdict,
        note: this.open(j.noteEnc),
        by: j.by,
        at: j.at.toISOString(),
      })),
      suggestions,
    };
  }

  network(p: Principal, actor: AuditActor, id: string) {
    return this.ctx.withAudit(actor, { action: "intel.network", resourceType: "intel_entity", resourceId: id }, async (tx) => {
      const e = await this.resolve(tx, p.tenant, id);
      const detail = await this.detail(tx, p, e);
      const mentions = await this.mentionsOf(tx, e.id);
      const nodes = [
        { id: `entity:${e.id}`, type: "entity" as const, label: detail.label ?? detail.identifiers[0]?.value ?? "?" },
        ...detail.identifiers.map((i) => ({ id: `identifier:${i.id}`, type: "identifier" as const, label: i.value })),
        ...detail.recordList.map((r) => ({ id: `${r.source}:${r.id}`, type: r.source, label: r.code })),
      ];
      const edges = [
        ...detail.identifiers.map((i) => ({ source: `entity:${e.id}`, target: `identifier:${i.id}` })),
        ...[...new Set(mentions.filter((m) => m.source).map((m) => `identifier:${m.identifierId}|${m.source}:${m.sourceId}`))].map((k) => {
          const [source, target] = k.split("|") as [string, string];
          return { source, target };
        }),
      ].filter((edge) => nodes.some((n) => n.id === edge.target));
      return { nodes, edges };
    });
  }

  watch(p: Principal, actor: AuditActor, id: string, body: { watched: boolean; reason?: string }, now = new Date()) {
    return this.ctx.withAudit(
      actor,
      { action: body.watched ? "intel.watch" : "intel.unwatch", resourceType: "intel_entity", resourceId: id },
      async (tx) => {
        const e = await this.resolve(tx, p.tenant, id);
        await tx
          .update(intelEntities)
          .set(
            body.watched
              ? { watched: true, watchReasonEnc: body.reason ? encrypt(this.ctx.keys, body.reason) : null, watchedBy: p.id, watchedAt: now }
              : { watched: false, watchReasonEnc: null, watchedBy: null, watchedAt: null },
          )
          .where(eq(intelEntities.id, e.id));
        return this.detail(tx, p, await this.resolve(tx, p.tenant, e.id));
      },
    );
  }

  judge(
    p: Principal,
    actor: AuditActor,
    body: { entityA: string; entityB: string; verdict: "same" | "not_same" | "unsure"; note?: string },
    now = new Date(),
  ) {
    return this.ctx.withAudit(
      actor,
      {
        action: "intel.judge",
        resourceType: "intel_entity",
        resourceId: body.entityA,
        details: { other: body.entityB, verdict: body.verdict },
      },
      async (tx) => {
        const a = await this.resolve(tx, p.tenant, body.entityA);
        const b = await this.resolve(tx, p.tenant, body.entityB);
        if (a.id === b.id) throw invalid({ entityB: { code: "invalid_value" } });
        if (body.verdict === "same" && (await judgedApart(tx, a.id, b.id))) throw new AppError("conflict");
        await tx.insert(intelJudgements).values({
          tenant: p.tenant,
          entityA: a.id,
          entityB: b.id,
          verdict: body.verdict,
          noteEnc: body.note ? encrypt(this.ctx.keys, body.note) : null,
          judgedBy: p.id,
          judgedAt: now,
        });
        if (body.verdict === "same") await mergeEntities(tx, b.id, a.id);
        return this.detail(tx, p, await this.resolve(tx, p.tenant, a.id));
      },
    );
  }

  /** Moves identifiers out into a new entity and records that the two are not the same person. */
  split(p: Principal, actor: AuditActor, id: string, identifierIds: string[], now = new Date()) {
    return this.ctx.withAudit(
      actor,
      { action: "intel.split", resourceType: "intel_entity", resourceId: id, details: { identifiers: identifierIds.length } },
      async (tx) => {
        const e = await this.resolve(tx, p.tenant, id);
        const own = await tx.select({ id: intelIdentifiers.id }).from(intelIdentifiers).where(eq(intelIdentifiers.entityId, e.id));
        if (!identifierIds.every((i) => own.some((o) => o.id === i))) throw invalid({ identifierIds: { code: "invalid_value" } });
        if (identifierIds.length >= own.length) throw invalid({ identifierIds: { code: "invalid_value" } });
        const [created] = await tx.insert(intelEntities).values({ tenant: p.tenant, kind: e.kind, createdAt: now }).returning();
        await tx.update(intelIdentifiers).set({ entityId: created!.id }).where(inArray(intelIdentifiers.id, identifierIds));
        await tx
          .insert(intelJudgements)
          .values({ tenant: p.tenant, entityA: e.id, entityB: created!.id, verdict: "not_same", judgedBy: p.id, judgedAt: now });
        return this.detail(tx, p, await this.resolve(tx, p.tenant, created!.id));
      },
    );
  }

  /** How many public reports named this number or account as the recruiter side; a count only. */
  async publicCount(tenant: string, kind: "phone" | "bank_account", value: string): Promise<number> {
    const hash = identifierHash(this.ctx.keys, kind, value);
    if (!hash) return 0;
    const kinds: IntelIdentifierKind[] = kind === "phone" ? ["phone", "ewallet"] : ["bank_account"];
    const [row] = await this.ctx.db
      .select({ n: sql<number>`count(DISTINCT ${intelMentions.sourceId})::int` })
      .from(intelIdentifiers)
      .innerJoin(intelMentions, eq(intelMentions.identifierId, intelIdentifiers.id))
      .where(
        and(
          eq(intelIdentifiers.tenant, tenant),
          inArray(intelIdentifiers.kind, kinds),
          eq(intelIdentifiers.hash, hash),
          eq(intelMentions.source, "report"),
        ),
      );
    return row?.n ?? 0;
  }
}
