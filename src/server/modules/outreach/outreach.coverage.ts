// Coverage of outreach: which desa were reached in a period, which never and which not in the last
// 90 days, people reached per desa (and per 1,000 residents when the population is known), per
// organising agency and per volunteer. Limited to the caller's jurisdiction.
import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import { agencies, users } from "../../db/schema";
import type { AppContext } from "../../context";
import { listDesa, loadDetails, loadPrograms, outreachByDesa, RECENT_DAYS } from "../villages/villages.service";
import { volunteerName } from "../volunteers/volunteers.service";
import { volunteers } from "../volunteers/volunteers.tables";
import type { Coverage } from "./outreach.schema";
import { outreachSessions } from "./outreach.tables";
import { wibRange } from "../../lib/wib";

const DAY = 86_400_000;

export async function coverage(ctx: AppContext, p: Principal, q: { from?: string; to?: string }, now = new Date()): Promise<Coverage> {
  const db = ctx.db;
  const range = wibRange(q);
  const [desa, programs, details, inPeriod, allTime] = await Promise.all([
    listDesa(db, ctx.config.regency, p.jurisdiction),
    loadPrograms(db, p.tenant),
    loadDetails(db, p.tenant),
    outreachByDesa(db, p.tenant, range),
    outreachByDesa(db, p.tenant),
  ]);
  const visible = new Set(desa.map((d) => d.code));
  const villages = desa.map((d) => {
    const pop = details.get(d.code)?.population ?? null;
    const period = inPeriod.get(d.code);
    const last = allTime.get(d.code)?.lastSessionAt ?? null;
    const daysSinceLast = last ? Math.floor((now.getTime() - last.getTime()) / DAY) : null;
    const people = period?.peopleReached ?? 0;
    return {
      code: d.code,
      name: d.name,
      kecamatanCode: d.kecamatanCode,
      kecamatanName: d.kecamatanName,
      status: programs.get(d.code)?.status ?? "none",
      population: pop,
      sessions: period?.sessions ?? 0,
      peopleReached: people,
      per1000: pop ? Math.round((people / pop) * 10_000) / 10 : null,
      lastSessionAt: last?.toISOString() ?? null,
      daysSinceLast,
      neverReached: last === null,
      notReachedRecently: daysSinceLast === null || daysSinceLast > RECENT_DAYS,
    };
  });

  // Per agency and per volunteer: held sessions in the period, in the desa the caller may see.
  const where = and(
    eq(outreachSessions.tenant, p.tenant),
    eq(outreachSessions.status, "held"),
    range.from ? sql`${outreachSessions.startsAt} >= ${range.from.toISOString()}` : undefined,
    range.to ? sql`${outreachSessions.startsAt} < ${range.to.toISOString()}` : undefined,
  );
  const rows = await db
    .select({
      desaCode: outreachSessions.desaCode,
      people: outreachSessions.attendanceTotal,
      startsAt: outreachSessions.startsAt,
      agencyId: outreachSessions.organiserAgencyId,
      agencyName: agencies.name,
      recordedBy: outreachSessions.recordedBy,
      recorderName: users.displayName,
      recorderRoles: users.roles,
      volunteerNameEnc: volunteers.nameEnc,
      volunteerLegacyName: volunteers.name,
      volunteerId: volunteers.id,
    })
    .from(outreachSessions)
    .leftJoin(agencies, eq(agencies.id, outreachSessions.organiserAgencyId))
    .innerJoin(users, eq(users.id, outreachSessions.recordedBy))
    .leftJoin(volunteers, eq(volunteers.userId, outreachSessions.recordedBy))
    .where(where);
  const scoped = rows.filter((r) => visible.has(r.desaCode));

  type Acc = { name: string; sessions: number; people: number; desa: Set<string>; last: Date | null };
  const bump = (m: Map<string, Acc>, key: string, name: string, r: (typeof scoped)[number]) => {
    const a = m.get(key) ?? { name, sessions: 0, people: 0, desa: new Set<string>(), last: null };
    a.sessions++;
    a.people += r.people;
    a.desa.add(r.desaCode);
    if (!a.last || r.startsAt > a.last) a.last = r.startsAt;
    m.set(key, a);
  };
  const byAgency = new Map<string, Acc>();
  const byVolunteer = new Map<string, Acc>();
  for (const r of scoped) {
    bump(byAgency, r.agencyId ?? "", r.agencyName ?? "(tanpa instansi)", r);
    const name = r.volunteerId ? volunteerName(ctx.keys, { nameEnc: r.volunteerNameEnc, name: r.volunteerLegacyName }) : null;
    if (name || r.recorderRoles.includes("volunteer")) bump(byVolunteer, r.recordedBy, name || r.recorderName, r);
  }
  const byPeople = (a: [string, Acc], b: [string, Acc]) => b[1].people - a[1].people || a[1].name.localeCompare(b[1].name);

  return {
    period: { from: q.from ?? null, to: q.to ?? null },
    summary: {
      desa: villages.length,
      reachedInPeriod: villages.filter((v) => v.sessions > 0).length,
      neverReached: villages.filter((v) => v.neverReached).length,
      notReachedRecently: villages.filter((v) => v.notReachedRecently).length,
      sessions: villages.reduce((n, v) => n + v.sessions, 0),
      peopleReached: villages.reduce((n, v) => n + v.peopleReached, 0),
    },
    villages,
    byAgency: [...byAgency.entries()]
      .sort(byPeople)
      .map(([id, a]) => ({ id: id || null, name: a.name, sessions: a.sessions, peopleReached: a.people, desaReached: a.desa.size })),
    byVolunteer: [...byVolunteer.entries()].sort(byPeople).map(([userId, a]) => ({
      userId,
      name: a.name,
      sessions: a.sessions,
      peopleReached: a.people,
      desaReached: a.desa.size,
      lastSessionAt: a.last?.toISOString() ?? null,
    })),
  };
}
