// Extraction: the people named as recruiters or sponsors in public reports, screenings' sponsors and the
// phone numbers in offer texts, and perpetrators of cases become identifiers, mentions and entities.
// Identifiers named together for one person in one record form a profile; a profile whose identifiers
// already belong to entities joins them (exact matches link), unless an investigator judged those
// entities not the same. Runs as a job over what arrived since its last run; safe to run again.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { extractPhones } from "../../../core/jobcheck";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { appMeta, users } from "../../db/schema";
import { decrypt, encrypt } from "../../lib/crypto";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { casePersons } from "../cases/cases.tables";
import { notifyUsers } from "../notifications/notifications.service";
import { publicReports } from "../reports/reports.tables";
import { screenings } from "../screening/screening.tables";
import { intelHash } from "./intel.identifiers";
import {
  type IntelIdentifierKind,
  type IntelSource,
  intelEntities,
  intelIdentifiers,
  intelJudgements,
  intelMentions,
} from "./intel.tables";

export type Profile = {
  tenant: string;
  source: IntelSource;
  sourceId: string;
  profile: string;
  role: string | null;
  name: string | null;
  seenAt: Date;
  identifiers: { kind: IntelIdentifierKind; raw: string }[];
};

/**
 * Where each source was read up to: (time, id), so rows sharing a timestamp are never skipped at a batch
 * edge. The time is kept as PostgreSQL's text form, which keeps the microseconds a JavaScript Date drops.
 */
type Mark = { at: string; id: string };
type Watermarks = { report: Mark; screening: Mark; case: Mark };
const START: Mark = { at: "1970-01-01T00:00:00.000Z", id: "00000000-0000-0000-0000-000000000000" };
const META_KEY = "intel_sync";
/** Report people in these roles are about the recruiter side; victims' and families' contacts are not intelligence. */
const RECRUITER_ROLES = new Set(["recruiter", "sponsor", "other", undefined, null]);

type ReportPerson = { role?: string; name?: string; phones?: string[]; handles?: string[]; companies?: string[]; bankAccounts?: string[] };

export function reportProfiles(row: {
  id: string;
  tenant: string;
  receivedAt: Date;
  people: ReportPerson[];
  offerText: string | null;
}): Profile[] {
  const out: Profile[] = [];
  row.people.forEach((p, i) => {
    if (!RECRUITER_ROLES.has(p.role)) return;
    const identifiers = [
      ...(p.phones ?? []).map((raw) => ({ kind: "phone" as const, raw })),
      ...(p.handles ?? []).map((raw) => ({ kind: "handle" as const, raw })),
      ...(p.bankAccounts ?? []).map((raw) => ({ kind: "bank_account" as const, raw })),
      ...(p.companies ?? []).map((raw) => ({ kind: "company" as const, raw })),
    ];
    if (identifiers.length)
      out.push({
        tenant: row.tenant,
        source: "report",
        sourceId: row.id,
        profile: `people.${i}`,
        role: p.role ?? null,
        name: p.name ?? null,
        seenAt: row.receivedAt,
        identifiers,
      });
  });
  const offerPhones = row.offerText ? extractPhones(row.offerText).map((m) => ({ kind: "phone" as const, raw: m.e164 })) : [];
  if (offerPhones.length)
    out.push({
      tenant: row.tenant,
      source: "report",
      sourceId: row.id,
      profile: "offer",
      role: "offer",
      name: null,
      seenAt: row.receivedAt,
      identifiers: offerPhones,
    });
  return out;
}

export class IntelSync {
  constructor(private readonly ctx: AppContext) {}

  private async watermarks(tx: Db): Promise<Watermarks> {
    const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, META_KEY));
    return { report: START, screening: START, case: START, ...((row?.value as Partial<Watermarks>) ?? {}) };
  }

  /** Processes everything new since the last run, in batches; returns the number of profiles linked. */
  async run(now = new Date(), batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.step(now, batch);
      total += n;
      if (n === 0) return total;
    }
  }

  /**
   * One batch in one transaction. A transaction-scoped advisory lock makes concurrent runs (two app
   * servers, or a run kicked by a new report while the scheduled one works) wait for each other, so
   * each record is linked once and no identifier gets two entities.
   */
  private step(now: Date, batch: number): Promise<number> {
    return this.ctx.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('simpul-intel-sync'))`);
      return this.stepIn(tx, now, batch);
    });
  }

  private async stepIn(tx: Db, now: Date, batch: number): Promise<number> {
    const wm = await this.watermarks(tx);
    const k = this.ctx.keys;
    const open = (v: string | null) => (v ? decrypt(k, v) : null);
    const profiles: Profile[] = [];
    const next = { ...wm };
    const reports = await tx
      .select({
        mark: sql<string>`${publicReports.receivedAt}::text`,
        id: publicReports.id,
        tenant: publicReports.tenant,
        receivedAt: publicReports.receivedAt,
        peopleEnc: publicReports.peopleEnc,
        offerTextEnc: publicReports.offerTextEnc,
        legacyOfferText: publicReports.offerText,
      })
      .from(publicReports)
      .where(sql`(${publicReports.receivedAt}, ${publicReports.id}) > (${wm.report.at}::timestamptz, ${wm.report.id}::uuid)`)
      .orderBy(asc(publicReports.receivedAt), asc(publicReports.id))
      .limit(batch);
    for (const r of reports) {
      const people = (JSON.parse(open(r.peopleEnc) ?? "[]") as ReportPerson[]) ?? [];
      // The offer text is sealed (the legacy plaintext column only until the start-up routine empties it).
      const offerText = open(r.offerTextEnc) ?? r.legacyOfferText;
      profiles.push(...reportProfiles({ ...r, offerText, people }));
      next.report = { at: r.mark, id: r.id };
    }
    const scr = await tx
      .select({
        mark: sql<string>`${screenings.createdAt}::text`,
        id: screenings.id,
        tenant: screenings.tenant,
        createdAt: screenings.createdAt,
        sponsorEnc: screenings.sponsorEnc,
        offerTextEnc: screenings.offerTextEnc,
      })
      .from(screenings)
      .where(sql`(${screenings.createdAt}, ${screenings.id}) > (${wm.screening.at}::timestamptz, ${wm.screening.id}::uuid)`)
      .orderBy(asc(screenings.createdAt), asc(screenings.id))
      .limit(batch);
    for (const s of scr) {
      const sponsor = s.sponsorEnc ? (JSON.parse(open(s.sponsorEnc)!) as { name?: string; phone?: string; company?: string }) : null;
      const ids = [
        ...(sponsor?.phone ? [{ kind: "phone" as const, raw: sponsor.phone }] : []),
        ...(sponsor?.company ? [{ kind: "company" as const, raw: sponsor.company }] : []),
      ];
      if (ids.length)
        profiles.push({
          tenant: s.tenant,
          source: "screening",
          sourceId: s.id,
          profile: "sponsor",
          role: "sponsor",
          name: sponsor?.name ?? null,
          seenAt: s.createdAt,
          identifiers: ids,
        });
      const offer = open(s.offerTextEnc);
      const phones = offer ? extractPhones(offer).map((m) => ({ kind: "phone" as const, raw: m.e164 })) : [];
      if (phones.length)
        profiles.push({
          tenant: s.tenant,
          source: "screening",
          sourceId: s.id,
          profile: "offer",
          role: "offer",
          name: null,
          seenAt: s.createdAt,
          identifiers: phones,
        });
      next.screening = { at: s.mark, id: s.id };
    }
    const perps = await tx
      .select({ p: casePersons, mark: sql<string>`${casePersons.updatedAt}::text` })
      .from(casePersons)
      .where(
        and(
          eq(casePersons.kind, "perpetrator"),
          sql`(${casePersons.updatedAt}, ${casePersons.id}) > (${wm.case.at}::timestamptz, ${wm.case.id}::uuid)`,
        ),
      )
      .orderBy(asc(casePersons.updatedAt), asc(casePersons.id))
      .limit(batch);
    for (const { p, mark } of perps) {
      const list = (v: string | null) => (v ? (JSON.parse(decrypt(k, v)) as string[]) : []);
      const nik = open(p.nikEnc);
      const ids = [
        ...list(p.phonesEnc).map((raw) => ({ kind: "phone" as const, raw })),
        ...list(p.bankAccountsEnc).map((raw) => ({ kind: "bank_account" as const, raw })),
        ...(nik ? [{ kind: "nik" as const, raw: nik }] : []),
        ...p.companies.map((raw) => ({ kind: "company" as const, raw })),
      ];
      const aliases = list(p.aliasesEnc);
      const name = open(p.nameEnc) ?? aliases[0] ?? null;
      if (ids.length)
        profiles.push({
          tenant: p.tenant,
          source: "case",
          sourceId: p.caseId,
          profile: p.id,
          role: "perpetrator",
          name,
          seenAt: p.updatedAt,
          identifiers: ids,
        });
      next.case = { at: mark, id: p.id };
    }
    const rows = reports.length + scr.length + perps.length;
    if (rows === 0) return 0;
    for (const p of profiles) await this.link(tx, p, now);
    await tx
      .insert(appMeta)
      .values({ key: META_KEY, value: next })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: next, updatedAt: now } });
    await this.ctx.audit.write(tx, SYSTEM_ACTOR, {
      action: "intel.sync",
      resourceType: "intel",
      details: { profiles: profiles.length, records: rows },
    });
    return Math.max(profiles.length, 1);
  }

  /** Links one profile: its identifiers join the entity they already belong to, or a new one. */
  async link(tx: Db, p: Profile, now: Date): Promise<string | null> {
    const k = this.ctx.keys;
    const hashed = new Map<string, { kind: IntelIdentifierKind; hash: string; raw: string }>();
    for (const i of p.identifiers) {
      const hash = intelHash(k, i.kind, i.raw);
      if (hash) hashed.set(`${i.kind}:${hash}`, { ...i, hash });
    }
    if (hashed.size === 0) return null;
    const wanted = [...hashed.values()];
    const existing = await tx
      .select()
      .from(intelIdentifiers)
      .where(
        and(
          eq(intelIdentifiers.tenant, p.tenant),
          or(...wanted.map((w) => and(eq(intelIdentifiers.kind, w.kind), eq(intelIdentifiers.hash, w.hash)))),
        ),
      );
    const entityIds = [...new Set(existing.map((e) => e.entityId))];
    const entities = entityIds.length
      ? await tx.select().from(intelEntities).where(inArray(intelEntities.id, entityIds)).orderBy(asc(intelEntities.createdAt))
      : [];
    let target = entities[0];
    if (!target) {
      const onlyCompany = wanted.every((w) => w.kind === "company" || w.kind === "licence");
      [target] = await tx
        .insert(intelEntities)
        .values({
          tenant: p.tenant,
          kind: onlyCompany ? "company" : "person",
          labelEnc: p.name ? encrypt(k, p.name) : null,
          createdAt: now,
        })
        .returning();
    } else {
      for (const other of entities.slice(1)) {
        if (await judgedApart(tx, target.id, other.id)) continue;
        await mergeEntities(tx, other.id, target.id);
      }
      if (!target.labelEnc && p.name)
        await tx
          .update(intelEntities)
          .set({ labelEnc: encrypt(k, p.name) })
          .where(eq(intelEntities.id, target.id));
    }
    const fresh = wanted.filter((w) => !existing.some((e) => e.kind === w.kind && e.hash === w.hash));
    const inserted = fresh.length
      ? await tx
          .insert(intelIdentifiers)
          .values(
            fresh.map((w) => ({
              tenant: p.tenant,
              kind: w.kind,
              hash: w.hash,
              valueEnc: encrypt(k, w.raw),
              entityId: target!.id,
              firstSeenAt: p.seenAt,
            })),
          )
          .onConflictDoNothing()
          .returning()
      : [];
    const all = [...existing, ...inserted];
    const mentions = await tx
      .insert(intelMentions)
      .values(
        all.map((i) => ({
          tenant: p.tenant,
          identifierId: i.id,
          source: p.source,
          sourceId: p.sourceId,
          profile: p.profile,
          role: p.role,
          nameEnc: p.name ? encrypt(k, p.name) : null,
          seenAt: p.seenAt,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: intelMentions.id });
    // A watched entity named in a new record: tell whoever put it on the watchlist.
    if (mentions.length && target.watched && target.watchedBy) {
      const [u] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, target.watchedBy));
      if (u) {
        await notifyUsers(
          this.ctx,
          tx,
          [u],
          {
            tenant: p.tenant,
            kind: "intel.watch_hit",
            resourceType: "intel_entity",
            resourceId: target.id,
            title: "Entitas dalam daftar pantau muncul lagi",
            body: "Nomor, rekening atau nama yang Anda pantau muncul di catatan baru. Buka Intelijen perekrut di Simpul.",
          },
          now,
        );
      }
    }
    return target.id;
  }
}

export async function judgedApart(tx: Db, a: string, b: string): Promise<boolean> {
  const [j] = await tx
    .select({ id: intelJudgements.id })
    .from(intelJudgements)
    .where(
      and(
        eq(intelJudgements.verdict, "not_same"),
        or(
          and(eq(intelJudgements.entityA, a), eq(intelJudgements.entityB, b)),
          and(eq(intelJudgements.entityA, b), eq(intelJudgements.entityB, a)),
        ),
      ),
    )
    .limit(1);
  return !!j;
}

/** Moves every identifier of `from` to `into`; `from` remains as a pointer for links and audit history. */
export async function mergeEntities(tx: Db, from: string, into: string): Promise<void> {
  await tx.update(intelIdentifiers).set({ entityId: into }).where(eq(intelIdentifiers.entityId, from));
  await tx.update(intelEntities).set({ mergedInto: into }).where(eq(intelEntities.id, from));
  await tx.execute(sql`UPDATE intel_entities SET watched = true,
    watch_reason_enc = coalesce(intel_entities.watch_reason_enc, f.watch_reason_enc),
    watched_by = coalesce(intel_entities.watched_by, f.watched_by), watched_at = coalesce(intel_entities.watched_at, f.watched_at)
    FROM intel_entities f WHERE f.id = ${from} AND f.watched AND intel_entities.id = ${into}`);
}

const pending = new WeakMap<AppContext, { timer: NodeJS.Timeout | null; running: Promise<unknown> | null; again: boolean }>();

/**
 * Asks for a linking run soon (debounced, one at a time per process): called after a report, a screening
 * or a case person is saved, so an investigator sees new links within seconds rather than at the next
 * scheduled run. Failures are left to the scheduled run.
 */
export function kickIntelSync(ctx: AppContext, delayMs = 1000): void {
  let state = pending.get(ctx);
  if (!state) {
    state = { timer: null, running: null, again: false };
    pending.set(ctx, state);
  }
  const s = state;
  if (s.running) {
    s.again = true;
    return;
  }
  if (s.timer) return;
  s.timer = setTimeout(() => {
    s.timer = null;
    s.running = new IntelSync(ctx)
      .run()
      .catch(() => undefined)
      .finally(() => {
        s.running = null;
        if (s.again) {
          s.again = false;
          kickIntelSync(ctx, delayMs);
        }
      });
  }, delayMs);
  s.timer.unref?.();
}

/** Waits for a kicked run to finish (tests, and a clean shutdown). */
export async function settleIntelSync(ctx: AppContext): Promise<void> {
  const s = pending.get(ctx);
  if (!s) return;
  if (s.timer) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  while (s.running) await s.running;
}
