// Volunteer registry. A volunteer's assigned desa are also their account's jurisdiction, so the
// outreach rules ("record only in the assigned desa") follow from one place.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { isWithin } from "../../../core/regions";
import type { Principal } from "../../auth/principal";
import { agencies, regions, users } from "../../db/schema";
import { volunteerAbilities, volunteerRecordPolicy } from "./volunteers.policy";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { decrypt, encrypt, type KeyRing, openText } from "../../lib/crypto";
import { sealLegacyPlaintext } from "../../lib/legacy-plaintext";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { AuthService } from "../../auth/auth.service";
import type { TrainingCreate, VolunteerCreate, VolunteerUpdate, VolunteerView } from "./volunteers.schema";
import { volunteers, volunteerTrainings } from "./volunteers.tables";

type Row = typeof volunteers.$inferSelect;

/** A volunteer's name: sealed in `name_enc` (the legacy plaintext `name` only until the start-up routine empties it). */
export const volunteerName = (keys: KeyRing, r: { nameEnc: string | null; name: string | null }): string =>
  openText(keys, r.nameEnc) ?? r.name ?? "";

/** Seals the volunteer names stored in the clear before encryption (run after migrations). */
export function sealLegacyVolunteerNames(db: Db, keys: KeyRing): Promise<number> {
  return sealLegacyPlaintext(db, keys, { table: "volunteers", columns: [{ plain: "name", enc: "name_enc" }] });
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: any = err; e; e = e.cause) if (e.code === "23505") return true;
  return false;
}

/**
 * Held outreach sessions per account (count, people reached, last start). The outreach module answers
 * it (app.ts hands `recorderActivity` in), so volunteers does not import outreach, which imports volunteers.
 */
export type ActivityOf = (
  db: Db,
  userIds: string[],
) => Promise<{ userId: string; sessions: number; people: number; last: string | null }[]>;

export class VolunteersService {
  constructor(
    private readonly ctx: AppContext,
    private readonly activityOf: ActivityOf,
  ) {}

  async list(
    p: Principal,
    q: { active?: boolean; desa?: string; limit: number; offset: number },
  ): Promise<{ items: VolunteerView[]; total: number }> {
    const rows = await this.ctx.db
      .select()
      .from(volunteers)
      .where(
        and(
          eq(volunteers.tenant, p.tenant),
          q.active === undefined ? undefined : eq(volunteers.active, q.active),
          q.desa ? sql`${q.desa} = ANY(${volunteers.desaCodes})` : undefined,
        ),
      );
    // Names are sealed, so the list is sorted here; visibility follows the jurisdiction in code (isWithin),
    // so the page is cut after both.
    const name = new Map(rows.map((r) => [r.id, volunteerName(this.ctx.keys, r)]));
    const visible = rows
      .filter((r) => this.visible(p, r))
      .sort((a, b) => name.get(a.id)!.localeCompare(name.get(b.id)!, "id") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { items: await this.views(p, visible.slice(q.offset, q.offset + q.limit)), total: visible.length };
  }

  async get(p: Principal, id: string): Promise<VolunteerView> {
    const row = await findTenantRow(this.ctx.db, volunteers, p.tenant, id);
    if (!row || !this.visible(p, row)) throw new AppError("not_found");
    return (await this.views(p, [row]))[0]!;
  }

  /** The signed-in volunteer's own registration (404 when not registered yet). */
  async me(p: Principal): Promise<VolunteerView> {
    const [row] = await this.ctx.db
      .select()
      .from(volunteers)
      .where(and(eq(volunteers.tenant, p.tenant), eq(volunteers.userId, p.id)));
    if (!row) throw new AppError("not_found");
    return (await this.views(p, [row]))[0]!;
  }

  async create(p: Principal, actor: AuditActor, input: VolunteerCreate): Promise<VolunteerView> {
    await this.check(p, input);
    try {
      const row = await this.ctx.withAudit(
        actor,
        (r: Row) => ({
          action: "volunteer.create",
          resourceType: "volunteer",
          resourceId: r.id,
          details: { desa: r.desaCodes, account: r.userId },
        }),
        async (tx) => {
          const [r] = await tx
            .insert(volunteers)
            .values({
              tenant: p.tenant,
              nameEnc: encrypt(this.ctx.keys, input.name),
              phoneEnc: input.phone ? encrypt(this.ctx.keys, input.phone) : null,
              agencyId: input.agencyId ?? null,
              userId: input.userId ?? null,
              desaCodes: [...new Set(input.desaCodes)],
              consentAt: input.consentAt,
              codeOfConductAt: input.codeOfConductAt,
              codeOfConductVersion: input.codeOfConductVersion,
              active: input.active,
              notes: input.notes || null,
            })
            .returning();
          if (r!.userId) await this.syncAccount(tx, r!.userId, r!.desaCodes);
          return r!;
        },
      );
      return (await this.views(p, [row]))[0]!;
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid({ userId: { code: "invalid_value" } });
      throw err;
    }
  }

  async update(p: Principal, actor: AuditActor, id: string, patch: VolunteerUpdate): Promise<VolunteerView> {
    const current = await this.get(p, id);
    await this.check(p, patch, id);
    try {
      await this.ctx.withAudit(
        actor,
        { action: "volunteer.update", resourceType: "volunteer", resourceId: id, details: { fields: Object.keys(patch) } },
        async (tx) => {
          const [r] = await tx
            .update(volunteers)
            .set({
              ...(patch.name !== undefined ? { nameEnc: encrypt(this.ctx.keys, patch.name), name: null } : {}),
              ...(patch.phone !== undefined ? { phoneEnc: patch.phone ? encrypt(this.ctx.keys, patch.phone) : null } : {}),
              ...(patch.agencyId !== undefined ? { agencyId: patch.agencyId } : {}),
              ...(patch.userId !== undefined ? { userId: patch.userId } : {}),
              ...(patch.desaCodes ? { desaCodes: [...new Set(patch.desaCodes)] } : {}),
              ...(patch.consentAt ? { consentAt: patch.consentAt } : {}),
              ...(patch.codeOfConductAt ? { codeOfConductAt: patch.codeOfConductAt } : {}),
              ...(patch.codeOfConductVersion ? { codeOfConductVersion: patch.codeOfConductVersion } : {}),
              ...(patch.active !== undefined ? { active: patch.active } : {}),
              ...(patch.notes !== undefined ? { notes: patch.notes || null } : {}),
              updatedAt: new Date(),
            })
            .where(and(eq(volunteers.tenant, p.tenant), eq(volunteers.id, id)))
            .returning();
          if (!r) throw new AppError("not_found");
          const assignmentChanged = patch.desaCodes !== undefined || (patch.userId !== undefined && patch.userId !== current.account?.id);
          if (r.userId && assignmentChanged) await this.syncAccount(tx, r.userId, r.desaCodes);
          // A deactivated volunteer is signed out at once.
          if (r.userId && patch.active === false) await new AuthService(this.ctx).endSessionsOf(tx, r.userId);
        },
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid({ userId: { code: "invalid_value" } });
      throw err;
    }
    return this.get(p, id);
  }

  async addTraining(p: Principal, actor: AuditActor, id: string, input: TrainingCreate): Promise<VolunteerView> {
    await this.get(p, id);
    await this.ctx.withAudit(
      actor,
      { action: "volunteer.training", resourceType: "volunteer", resourceId: id, details: { title: input.title } },
      async (tx) => {
        await tx.insert(volunteerTrainings).values({
          tenant: p.tenant,
          volunteerId: id,
          title: input.title,
          provider: input.provider || null,
          completedOn: input.completedOn,
          notes: input.notes || null,
        });
      },
    );
    return this.get(p, id);
  }

  /** Coordinators with a jurisdiction manage volunteers assigned inside it. */
  private visible(p: Principal, r: Row): boolean {
    return volunteerRecordPolicy.can(p, "read", r);
  }

  /** The account's jurisdiction becomes the assigned desa; its sessions end so the change applies now. */
  private async syncAccount(tx: Db, userId: string, desaCodes: string[]): Promise<void> {
    await tx.update(users).set({ jurisdiction: desaCodes, updatedAt: new Date() }).where(eq(users.id, userId));
    await new AuthService(this.ctx).endSessionsOf(tx, userId);
  }

  /**
   * Sign-in accounts a registry entry may be linked to: active, volunteer role only (the link rewrites
   * the account's jurisdiction), not linked to another entry, and for a coordinator with a jurisdiction,
   * an account whose areas all lie inside it (an account without areas yet is free to link).
   */
  async linkableAccounts(p: Principal, volunteerId?: string): Promise<{ id: string; username: string; displayName: string }[]> {
    const rows = await this.ctx.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        jurisdiction: users.jurisdiction,
        linkedTo: volunteers.id,
      })
      .from(users)
      .leftJoin(volunteers, eq(volunteers.userId, users.id))
      .where(and(eq(users.tenant, p.tenant), isNull(users.disabledAt), sql`${users.roles} = ARRAY['volunteer']::text[]`))
      .orderBy(asc(users.displayName), asc(users.username));
    return rows
      .filter((r) => r.linkedTo === null || r.linkedTo === volunteerId)
      .filter((r) => p.jurisdiction === null || r.jurisdiction?.every((c) => p.jurisdiction!.some((a) => isWithin(c, a))) === true)
      .map(({ id, username, displayName }) => ({ id, username, displayName }));
  }

  private async check(
    p: Principal,
    input: { agencyId?: string | null; userId?: string | null; desaCodes?: string[] },
    volunteerId?: string,
  ): Promise<void> {
    const fields: Record<string, FieldIssue> = {};
    if (input.agencyId) {
      const [a] = await this.ctx.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.id, input.agencyId), eq(agencies.tenant, p.tenant)));
      if (!a) fields.agencyId = { code: "agency_unknown" };
    }
    if (input.userId) {
      const candidates = await this.linkableAccounts(p, volunteerId);
      if (!candidates.some((c) => c.id === input.userId)) fields.userId = { code: "volunteer_account_unavailable" };
    }
    if (input.desaCodes?.length) {
      const found = new Set(
        (
          await this.ctx.db
            .select({ code: regions.code })
            .from(regions)
            .where(and(inArray(regions.code, input.desaCodes), eq(regions.level, "desa")))
        ).map((r) => r.code),
      );
      input.desaCodes.forEach((c, i) => {
        if (!found.has(c)) fields[`desaCodes.${i}`] = { code: "region_unknown" };
        else if (!isWithin(c, this.ctx.config.regency)) fields[`desaCodes.${i}`] = { code: "region_outside_regency" };
        else if (p.jurisdiction !== null && !p.jurisdiction.some((a) => isWithin(c, a)))
          fields[`desaCodes.${i}`] = { code: "invalid_value" };
      });
    }
    if (Object.keys(fields).length) throw invalid(fields);
  }

  private async views(p: Principal, rows: Row[]): Promise<VolunteerView[]> {
    if (rows.length === 0) return [];
    const db = this.ctx.db;
    const ids = rows.map((r) => r.id);
    const userIds = rows.map((r) => r.userId).filter((x): x is string => !!x);
    const agencyIds = [...new Set(rows.map((r) => r.agencyId).filter((x): x is string => !!x))];
    const desaCodes = [...new Set(rows.flatMap((r) => r.desaCodes))];
    const [trainings, accounts, ags, places, activity] = await Promise.all([
      db.select().from(volunteerTrainings).where(inArray(volunteerTrainings.volunteerId, ids)).orderBy(asc(volunteerTrainings.completedOn)),
      userIds.length ? db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, userIds)) : [],
      agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)) : [],
      desaCodes.length ? db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, desaCodes)) : [],
      userIds.length ? this.activityOf(db, userIds) : [],
    ]);
    const account = new Map(accounts.map((a) => [a.id, a]));
    const agency = new Map(ags.map((a) => [a.id, a]));
    const place = new Map(places.map((r) => [r.code, r.name]));
    const act = new Map(activity.map((a) => [a.userId, a]));
    return rows.map((r) => {
      const a = r.userId ? act.get(r.userId) : undefined;
      return {
        id: r.id,
        name: volunteerName(this.ctx.keys, r),
        phone: r.phoneEnc ? decrypt(this.ctx.keys, r.phoneEnc) : null,
        agency: r.agencyId ? (agency.get(r.agencyId) ?? null) : null,
        account: r.userId ? (account.get(r.userId) ?? null) : null,
        desa: r.desaCodes.map((code) => ({ code, name: place.get(code) ?? code })),
        consentAt: r.consentAt,
        codeOfConductAt: r.codeOfConductAt,
        codeOfConductVersion: r.codeOfConductVersion,
        active: r.active,
        notes: r.notes,
        trainings: trainings
          .filter((t) => t.volunteerId === r.id)
          .map((t) => ({ id: t.id, title: t.title, provider: t.provider, completedOn: t.completedOn, notes: t.notes })),
        activity: {
          sessions: a?.sessions ?? 0,
          peopleReached: a?.people ?? 0,
          lastSessionAt: a?.last ? new Date(a.last).toISOString() : null,
        },
        abilities: volunteerAbilities(p, r),
      };
    });
  }
}
