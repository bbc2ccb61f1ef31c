// Outreach sessions: idempotent recording (client-generated id), list, calendar, one session, edits.
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { type Attendance, attendanceTotals } from "../../../core/outreach-topics";
import { isWithin, parentCodeOf } from "../../../core/regions";
import type { Principal } from "../../auth/principal";
import { agencies, regions, users } from "../../db/schema";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { type KeyRing, openList, sealList } from "../../lib/crypto";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import { sealLegacyPlaintext } from "../../lib/legacy-plaintext";
import type { AuditActor } from "../audit/audit.service";
import { volunteers } from "../volunteers/volunteers.tables";
import { photosOf } from "./outreach.photos";
import { ownSessionsOnly, sessionPolicy } from "./outreach.policy";
import type { SessionCreate, SessionListQuery, SessionUpdate, SessionView } from "./outreach.schema";
import { outreachSessions, SESSION_STATUSES } from "./outreach.tables";
import { parseWib, wibDate, wibLocal, wibRange } from "../../lib/wib";

type Row = typeof outreachSessions.$inferSelect;

/** Facilitators are named people: sealed in `facilitators_enc` (legacy plaintext until the start-up routine empties it). */
const facilitatorsOf = (keys: KeyRing, r: Row): string[] => (r.facilitatorsEnc ? openList(keys, r.facilitatorsEnc) : r.facilitators);

/** Seals the facilitator names stored in the clear before encryption (run after migrations). */
export function sealLegacyFacilitators(db: Db, keys: KeyRing): Promise<number> {
  return sealLegacyPlaintext(db, keys, {
    table: "outreach_sessions",
    columns: [{ plain: "facilitators", enc: "facilitators_enc", list: true }],
  });
}

/** The WHERE clause that limits sessions to what the caller may see. */
export function sessionScope(p: Principal): SQL {
  const tenant = eq(outreachSessions.tenant, p.tenant);
  if (ownSessionsOnly(p)) return and(tenant, eq(outreachSessions.recordedBy, p.id))!;
  if (p.jurisdiction === null) return tenant;
  const areas = p.jurisdiction.map((a) => sql`(${outreachSessions.desaCode} = ${a} OR ${outreachSessions.desaCode} LIKE ${`${a}.%`})`);
  // Staff also see the sessions they recorded themselves.
  return and(tenant, sql`(${sql.join(areas, sql` OR `)} OR ${outreachSessions.recordedBy} = ${p.id})`)!;
}

export function periodFilter(q: { from?: string; to?: string }): SQL | undefined {
  const r = wibRange(q);
  return and(r.from ? gte(outreachSessions.startsAt, r.from) : undefined, r.to ? lt(outreachSessions.startsAt, r.to) : undefined);
}

/** The sessions GET /api/outreach/sessions lists for these filters (without paging). */
export function sessionListWhere(p: Principal, q: Omit<SessionListQuery, "limit" | "offset">): SQL | undefined {
  return and(
    sessionScope(p),
    periodFilter(q),
    q.kecamatan ? eq(outreachSessions.kecamatanCode, q.kecamatan) : undefined,
    q.desa ? eq(outreachSessions.desaCode, q.desa) : undefined,
    q.agencyId
      ? sql`(${outreachSessions.organiserAgencyId} = ${q.agencyId} OR ${q.agencyId} = ANY(${outreachSessions.coOrganiserAgencyIds}))`
      : undefined,
    q.status ? eq(outreachSessions.status, q.status) : undefined,
    q.mine === "true" ? eq(outreachSessions.recordedBy, p.id) : undefined,
  );
}

/** Sessions per status and the people the held ones reached, over what the session list shows for `q`. */
export async function sessionCounts(db: Db, p: Principal, q: Omit<SessionListQuery, "limit" | "offset" | "status">) {
  const rows = await db
    .select({
      status: outreachSessions.status,
      n: sql<number>`count(*)::int`,
      people: sql<number>`coalesce(sum(${outreachSessions.attendanceTotal}), 0)::int`,
    })
    .from(outreachSessions)
    .where(sessionListWhere(p, q))
    .groupBy(outreachSessions.status);
  const byStatus = Object.fromEntries(SESSION_STATUSES.map((s) => [s, 0])) as Record<(typeof SESSION_STATUSES)[number], number>;
  let peopleReached = 0;
  for (const r of rows) {
    byStatus[r.status] = Number(r.n);
    if (r.status === "held") peopleReached = Number(r.people);
  }
  return { byStatus, peopleReached };
}

export class OutreachService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Records a session. The id comes from the client: sending the same session again (an offline
   * retry) returns the stored one (`created: false`) instead of a duplicate.
   */
  async create(p: Principal, actor: AuditActor, input: SessionCreate): Promise<{ created: boolean; session: SessionView }> {
    const existing = await this.findRow(this.ctx.db, input.id);
    if (existing) return { created: false, session: await this.viewOfExisting(p, existing) };
    await this.checkRecording(p, input.desaCode);
    const organiserAgencyId = input.organiserAgencyId === undefined ? p.agencyId : input.organiserAgencyId;
    await this.checkAgencies(p, organiserAgencyId, input.coOrganiserAgencyIds);
    const startsAt = parseWib(input.startsAt);
    const endsAt = input.endsAt ? parseWib(input.endsAt) : null;
    if (endsAt && endsAt < startsAt) throw invalid({ endsAt: { code: "ends_before_start" } });
    const totals = attendanceTotals(input.attendance as Attendance);
    const inserted = await this.ctx.withAudit(
      actor,
      (r: Row | undefined) => ({
        action: "outreach.create",
        resourceType: "outreach_session",
        resourceId: input.id,
        details: { desa: input.desaCode, duplicate: !r },
      }),
      async (tx) => {
        const [r] = await tx
          .insert(outreachSessions)
          .values({
            id: input.id,
            tenant: p.tenant,
            status: input.status,
            startsAt,
            endsAt,
            desaCode: input.desaCode,
            kecamatanCode: parentCodeOf(input.desaCode)!,
            venue: input.venue || null,
            organiserAgencyId,
            coOrganiserAgencyIds: [...new Set(input.coOrganiserAgencyIds)],
            coOrganiserOthers: input.coOrganiserOthers,
            facilitatorsEnc: sealList(this.ctx.keys, input.facilitators),
            audiences: [...new Set(input.audiences)],
            attendance: input.attendance,
            attendanceFemale: totals.female,
            attendanceMale: totals.male,
            attendanceTotal: totals.total,
            topics: [...new Set(input.topics)],
            materials: input.materials,
            followUps: input.followUps || null,
            notes: input.notes || null,
            quizPreScore: input.quiz?.preScore ?? null,
            quizPostScore: input.quiz?.postScore ?? null,
            quizRespondents: input.quiz?.respondents ?? null,
            recordedBy: p.id,
          })
          // Two retries racing: the second finds the first's row below.
          .onConflictDoNothing({ target: outreachSessions.id })
          .returning();
        return r;
      },
    );
    if (!inserted) {
      const row = await this.findRow(this.ctx.db, input.id);
      if (!row) throw new AppError("conflict");
      return { created: false, session: await this.viewOfExisting(p, row) };
    }
    return { created: true, session: (await this.views(p, [inserted]))[0]! };
  }

  async get(p: Principal, id: string): Promise<SessionView> {
    const row = await this.findRow(this.ctx.db, id);
    if (!row || row.tenant !== p.tenant || !sessionPolicy.can(p, "read", row)) throw new AppError("not_found");
    return (await this.views(p, [row]))[0]!;
  }

  async update(p: Principal, actor: AuditActor, id: string, patch: SessionUpdate): Promise<SessionView> {
    const row = await this.findRow(this.ctx.db, id);
    if (!row || row.tenant !== p.tenant || !sessionPolicy.can(p, "read", row)) throw new AppError("not_found");
    if (!sessionPolicy.can(p, "update", row)) throw new AppError("forbidden");
    // Moving a session to another desa follows the rules of recording one there.
    if (patch.desaCode !== undefined && patch.desaCode !== row.desaCode) await this.checkRecording(p, patch.desaCode);
    else await this.checkActiveVolunteer(p);
    if (patch.organiserAgencyId !== undefined || patch.coOrganiserAgencyIds)
      await this.checkAgencies(p, patch.organiserAgencyId ?? null, patch.coOrganiserAgencyIds ?? []);
    const startsAt = patch.startsAt ? parseWib(patch.startsAt) : row.startsAt;
    const endsAt = patch.endsAt === undefined ? row.endsAt : patch.endsAt ? parseWib(patch.endsAt) : null;
    if (endsAt && endsAt < startsAt) throw invalid({ endsAt: { code: "ends_before_start" } });
    const totals = patch.attendance ? attendanceTotals(patch.attendance as Attendance) : null;
    const set: Partial<typeof outreachSessions.$inferInsert> = {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.desaCode !== undefined ? { desaCode: patch.desaCode, kecamatanCode: parentCodeOf(patch.desaCode)! } : {}),
      startsAt,
      endsAt,
      ...(patch.venue !== undefined ? { venue: patch.venue || null } : {}),
      ...(patch.organiserAgencyId !== undefined ? { organiserAgencyId: patch.organiserAgencyId } : {}),
      ...(patch.coOrganiserAgencyIds ? { coOrganiserAgencyIds: [...new Set(patch.coOrganiserAgencyIds)] } : {}),
      ...(patch.coOrganiserOthers ? { coOrganiserOthers: patch.coOrganiserOthers } : {}),
      ...(patch.facilitators ? { facilitatorsEnc: sealList(this.ctx.keys, patch.facilitators), facilitators: [] } : {}),
      ...(patch.audiences ? { audiences: [...new Set(patch.audiences)] } : {}),
      ...(patch.attendance && totals
        ? { attendance: patch.attendance, attendanceFemale: totals.female, attendanceMale: totals.male, attendanceTotal: totals.total }
        : {}),
      ...(patch.topics ? { topics: [...new Set(patch.topics)] } : {}),
      ...(patch.materials ? { materials: patch.materials } : {}),
      ...(patch.followUps !== undefined ? { followUps: patch.followUps || null } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes || null } : {}),
      ...(patch.quiz !== undefined
        ? {
            quizPreScore: patch.quiz?.preScore ?? null,
            quizPostScore: patch.quiz?.postScore ?? null,
            quizRespondents: patch.quiz?.respondents ?? null,
          }
        : {}),
      updatedAt: new Date(),
    };
    const [updated] = await this.ctx.withAudit(
      actor,
      {
        action: "outreach.update",
        resourceType: "outreach_session",
        resourceId: id,
        details: { fields: Object.keys(patch), desa: patch.desaCode ?? row.desaCode },
      },
      (tx) => tx.update(outreachSessions).set(set).where(eq(outreachSessions.id, id)).returning(),
    );
    return (await this.views(p, [updated!]))[0]!;
  }

  async list(p: Principal, q: SessionListQuery): Promise<{ items: SessionView[]; total: number }> {
    const where = sessionListWhere(p, q);
    const [rows, [count]] = await Promise.all([
      this.ctx.db
        .select()
        .from(outreachSessions)
        .where(where)
        .orderBy(desc(outreachSessions.startsAt), asc(outreachSessions.id))
        .limit(q.limit)
        .offset(q.offset),
      this.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outreachSessions).where(where),
    ]);
    return { items: await this.views(p, rows), total: count?.n ?? 0 };
  }

  async calendar(p: Principal, q: { from: string; to: string }) {
    const rows = await this.ctx.db
      .select({ s: outreachSessions, desaName: regions.name, organiserName: agencies.name })
      .from(outreachSessions)
      .leftJoin(regions, eq(regions.code, outreachSessions.desaCode))
      .leftJoin(agencies, eq(agencies.id, outreachSessions.organiserAgencyId))
      .where(and(sessionScope(p), periodFilter(q)))
      .orderBy(asc(outreachSessions.startsAt))
      .limit(2000);
    return rows.map(({ s, desaName, organiserName }) => ({
      id: s.id,
      date: wibDate(s.startsAt),
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt?.toISOString() ?? null,
      title: `Sosialisasi di ${desaName ?? s.desaCode}`,
      status: s.status,
      desaCode: s.desaCode,
      organiserName,
      attendanceTotal: s.attendanceTotal,
    }));
  }

  /** Presents rows with names of places, agencies and recorders, loaded in one query each. */
  async views(p: Principal, rows: Row[]): Promise<SessionView[]> {
    if (rows.length === 0) return [];
    const db = this.ctx.db;
    const placeCodes = [...new Set(rows.flatMap((r) => [r.desaCode, r.kecamatanCode]))];
    const agencyIds = [...new Set(rows.flatMap((r) => [r.organiserAgencyId, ...r.coOrganiserAgencyIds]).filter((x): x is string => !!x))];
    const userIds = [...new Set(rows.map((r) => r.recordedBy))];
    const [places, ags, us, photos] = await Promise.all([
      db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, placeCodes)),
      agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)) : [],
      db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, userIds)),
      photosOf(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    const place = new Map(places.map((r) => [r.code, r.name]));
    const agency = new Map(ags.map((a) => [a.id, a.name]));
    const user = new Map(us.map((u) => [u.id, u.displayName]));
    const ref = (id: string | null) => (id ? { id, name: agency.get(id) ?? "" } : null);
    return rows.map((r) => {
      const quiz =
        r.quizPreScore === null && r.quizPostScore === null && r.quizRespondents === null
          ? null
          : { preScore: r.quizPreScore, postScore: r.quizPostScore, respondents: r.quizRespondents };
      return {
        id: r.id,
        status: r.status,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt?.toISOString() ?? null,
        localStart: wibLocal(r.startsAt),
        desaCode: r.desaCode,
        desaName: place.get(r.desaCode) ?? r.desaCode,
        kecamatanCode: r.kecamatanCode,
        kecamatanName: place.get(r.kecamatanCode) ?? r.kecamatanCode,
        venue: r.venue,
        organiser: ref(r.organiserAgencyId),
        coOrganisers: r.coOrganiserAgencyIds.map((id) => ref(id)!),
        coOrganiserOthers: r.coOrganiserOthers,
        facilitators: facilitatorsOf(this.ctx.keys, r),
        audiences: r.audiences,
        attendance: r.attendance as Attendance,
        attendanceTotals: { female: r.attendanceFemale, male: r.attendanceMale, total: r.attendanceTotal },
        topics: r.topics,
        materials: r.materials,
        followUps: r.followUps,
        notes: r.notes,
        quiz,
        recordedBy: { id: r.recordedBy, displayName: user.get(r.recordedBy) ?? "" },
        photos: photos.get(r.id) ?? [],
        abilities: { update: sessionPolicy.can(p, "update", r) },
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  private async findRow(db: Db, id: string): Promise<Row | undefined> {
    const [row] = await db.select().from(outreachSessions).where(eq(outreachSessions.id, id));
    return row;
  }

  /** A retried submission of the caller's own session returns it; an id taken by someone else is a conflict. */
  private async viewOfExisting(p: Principal, row: Row): Promise<SessionView> {
    if (row.tenant !== p.tenant || row.recordedBy !== p.id) throw new AppError("conflict");
    return (await this.views(p, [row]))[0]!;
  }

  /** The desa must be in the regency and in the caller's jurisdiction; an inactive volunteer records nothing. */
  private async checkRecording(p: Principal, desaCode: string): Promise<void> {
    const [desa] = await this.ctx.db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.code, desaCode), eq(regions.level, "desa")));
    if (!desa || !isWithin(desaCode, this.ctx.config.regency)) throw invalid({ desaCode: { code: "region_outside_regency" } });
    if (!sessionPolicy.can(p, "create", { desaCode, recordedBy: p.id, organiserAgencyId: null }))
      throw invalid({ desaCode: { code: "invalid_value" } });
    await this.checkActiveVolunteer(p);
  }

  /** An inactive volunteer neither records nor changes sessions. */
  private async checkActiveVolunteer(p: Principal): Promise<void> {
    if (!ownSessionsOnly(p)) return;
    const [v] = await this.ctx.db
      .select({ active: volunteers.active })
      .from(volunteers)
      .where(and(eq(volunteers.tenant, p.tenant), eq(volunteers.userId, p.id)));
    if (v && !v.active) throw new AppError("forbidden");
  }

  private async checkAgencies(p: Principal, organiser: string | null, others: string[]): Promise<void> {
    const ids = [...new Set([organiser, ...others].filter((x): x is string => !!x))];
    if (ids.length === 0) return;
    const found = new Set(
      (
        await this.ctx.db
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.tenant, p.tenant), inArray(agencies.id, ids)))
      ).map((a) => a.id),
    );
    const fields: Record<string, FieldIssue> = {};
    if (organiser && !found.has(organiser)) fields.organiserAgencyId = { code: "agency_unknown" };
    others.forEach((id, i) => {
      if (!found.has(id)) fields[`coOrganiserAgencyIds.${i}`] = { code: "agency_unknown" };
    });
    if (Object.keys(fields).length) throw invalid(fields);
  }
}

/** Held sessions per recorder (count, people reached, last start): the volunteer registry shows it. */
export async function recorderActivity(db: Db, userIds: string[]) {
  return db
    .select({
      userId: sql<string>`${outreachSessions.recordedBy}`,
      sessions: sql<number>`count(*)::int`,
      people: sql<number>`coalesce(sum(${outreachSessions.attendanceTotal}), 0)::int`,
      last: sql<string | null>`max(${outreachSessions.startsAt})`,
    })
    .from(outreachSessions)
    .where(and(inArray(outreachSessions.recordedBy, userIds), eq(outreachSessions.status, "held")))
    .groupBy(outreachSessions.recordedBy);
}
