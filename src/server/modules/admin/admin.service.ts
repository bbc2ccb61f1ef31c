// Agencies and staff accounts. Every change is audited in its own transaction.
import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { isWithin, regionLevelOf } from "../../../core/regions";
import type { Principal } from "../../auth/principal";
import { agencies, users } from "../../db/schema";
import type { AppContext } from "../../context";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { jurisdictionOf } from "../../auth/auth.me";
import { AuthService } from "../../auth/auth.service";
import { generateTemporaryPassword, hashPassword } from "../../auth/auth.password";
import { unknownRegionCodes } from "../regions/regions.service";
import type { Agency, UserCreate, UserUpdate, UserView } from "./admin.schema";

type UserRow = typeof users.$inferSelect;
type AgencyRow = typeof agencies.$inferSelect;

function isUniqueViolation(err: unknown): boolean {
  for (let e: any = err; e; e = e.cause) if (e.code === "23505") return true;
  return false;
}

/** Separation of duties: whoever administers accounts must not also be the one who reviews the audit trail. */
export function checkSeparationOfDuties(roles: readonly string[]): void {
  if (roles.includes("admin") && roles.includes("auditor")) throw invalid({ roles: { code: "roles_admin_auditor" } });
}

function agencyView(a: AgencyRow, activeOperators: number): Agency {
  return { id: a.id, code: a.code, name: a.name, category: a.category, active: a.active, activeOperators };
}

/** Accounts that would receive a report forwarded to the agency: operators, not disabled. */
const activeOperatorsExpr = sql<number>`(SELECT count(*)::int FROM users u WHERE u.agency_id = ${sql.raw(`"agencies"."id"`)}
  AND 'agency_operator' = ANY(u.roles) AND u.disabled_at IS NULL)`;

export class AdminService {
  constructor(private readonly ctx: AppContext) {}

  async listAgencies(p: Principal): Promise<Agency[]> {
    const rows = await this.ctx.db
      .select({ a: agencies, operators: activeOperatorsExpr })
      .from(agencies)
      .where(eq(agencies.tenant, p.tenant))
      .orderBy(asc(agencies.name));
    return rows.map((r) => agencyView(r.a, Number(r.operators)));
  }

  async createAgency(
    p: Principal,
    actor: AuditActor,
    input: { code: string; name: string; category: Agency["category"] },
  ): Promise<Agency> {
    try {
      const row = await this.ctx.withAudit(
        actor,
        (a: AgencyRow) => ({ action: "agency.create", resourceType: "agency", resourceId: a.id }),
        async (tx) =>
          (
            await tx
              .insert(agencies)
              .values({ ...input, tenant: p.tenant })
              .returning()
          )[0]!,
      );
      return agencyView(row, 0);
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid({ code: { code: "agency_code_taken" } });
      throw err;
    }
  }

  async updateAgency(p: Principal, actor: AuditActor, id: string, patch: Partial<Agency>): Promise<Agency> {
    try {
      const row = await this.ctx.withAudit(
        actor,
        { action: "agency.update", resourceType: "agency", resourceId: id, details: { fields: Object.keys(patch) } },
        async (tx) => {
          const [r] = await tx
            .update(agencies)
            .set({ ...patch, updatedAt: new Date() })
            .where(sql`${agencies.id} = ${id} AND ${agencies.tenant} = ${p.tenant}`)
            .returning();
          if (!r) throw new AppError("not_found");
          return r;
        },
      );
      const [counted] = await this.ctx.db.select({ operators: activeOperatorsExpr }).from(agencies).where(eq(agencies.id, row.id));
      return agencyView(row, Number(counted?.operators ?? 0));
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid({ code: { code: "agency_code_taken" } });
      throw err;
    }
  }

  async listUsers(p: Principal, q?: string, page = { limit: 500, offset: 0 }): Promise<{ items: UserView[]; total: number }> {
    const needle = q?.trim();
    const where = needle
      ? sql`${users.tenant} = ${p.tenant} AND (${or(ilike(users.username, `%${needle}%`), ilike(users.displayName, `%${needle}%`))})`
      : eq(users.tenant, p.tenant);
    const rows = await this.ctx.db
      .select({ u: users, a: { id: agencies.id, name: agencies.name, code: agencies.code } })
      .from(users)
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(page.limit)
      .offset(page.offset);
    const [{ total }] = await this.ctx.db.select({ total: sql<number>`count(*)::int` }).from(users).where(where);
    return { items: rows.map((r) => this.userView(r.u, r.a)), total: Number(total) };
  }

  async getUser(p: Principal, id: string): Promise<UserView> {
    const [r] = await this.ctx.db
      .select({ u: users, a: { id: agencies.id, name: agencies.name, code: agencies.code } })
      .from(users)
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .where(sql`${users.id} = ${id} AND ${users.tenant} = ${p.tenant}`);
    if (!r) throw new AppError("not_found");
    return this.userView(r.u, r.a);
  }

  async createUser(
    p: Principal,
    actor: AuditActor,
    input: UserCreate,
    password?: string,
  ): Promise<{ user: UserView; temporaryPassword: string }> {
    checkSeparationOfDuties(input.roles);
    await this.checkReferences(p, input);
    const temporaryPassword = password ?? generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    try {
      const row = await this.ctx.withAudit(
        actor,
        (u: UserRow) => ({ action: "user.create", resourceType: "user", resourceId: u.id, details: { roles: u.roles } }),
        async (tx) =>
          (
            await tx
              .insert(users)
              .values({
                tenant: p.tenant,
                username: input.username,
                displayName: input.displayName,
                email: input.email ?? null,
                agencyId: input.agencyId,
                roles: input.roles,
                jurisdiction: input.jurisdiction.kind === "regency" ? null : input.jurisdiction.codes,
                passwordHash,
                mustChangePassword: password === undefined,
              })
              .returning()
          )[0]!,
      );
      return { user: await this.getUser(p, row.id), temporaryPassword };
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid({ username: { code: "username_taken" } });
      throw err;
    }
  }

  async updateUser(p: Principal, actor: AuditActor, id: string, patch: UserUpdate): Promise<UserView> {
    if (patch.roles) {
      checkSeparationOfDuties(patch.roles);
      // An administrator never changes their own roles: granting oneself the auditor role would let the
      // same person act and review the trail of those acts; another administrator has to do it.
      if (id === p.id) {
        const [me] = await this.ctx.db.select({ roles: users.roles }).from(users).where(eq(users.id, id));
        const same = me && me.roles.length === new Set(patch.roles).size && patch.roles.every((r) => me.roles.includes(r));
        if (!same) throw invalid({ roles: { code: "roles_self_change" } });
      }
    }
    await this.checkReferences(p, patch);
    await this.ctx.withAudit(
      actor,
      { action: "user.update", resourceType: "user", resourceId: id, details: { fields: Object.keys(patch) } },
      async (tx) => {
        const [r] = await tx
          .update(users)
          .set({
            ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
            ...(patch.email !== undefined ? { email: patch.email } : {}),
            ...(patch.agencyId !== undefined ? { agencyId: patch.agencyId } : {}),
            ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
            ...(patch.jurisdiction !== undefined
              ? { jurisdiction: patch.jurisdiction.kind === "regency" ? null : patch.jurisdiction.codes }
              : {}),
            updatedAt: new Date(),
          })
          .where(sql`${users.id} = ${id} AND ${users.tenant} = ${p.tenant}`)
          .returning({ id: users.id });
        if (!r) throw new AppError("not_found");
        // Changed roles or scope take effect now, not at the next sign-in.
        if (patch.roles || patch.jurisdiction || patch.agencyId) await new AuthService(this.ctx).endSessionsOf(tx, id);
      },
    );
    return this.getUser(p, id);
  }

  async resetPassword(p: Principal, actor: AuditActor, id: string, opts: { resetTotp?: boolean; password?: string } = {}): Promise<string> {
    const temporaryPassword = opts.password ?? generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.ctx.withAudit(
      actor,
      { action: "user.reset_password", resourceType: "user", resourceId: id, details: { resetTotp: !!opts.resetTotp } },
      async (tx) => {
        const [r] = await tx
          .update(users)
          .set({
            passwordHash,
            mustChangePassword: opts.password === undefined,
            failedAttempts: 0,
            lockedUntil: null,
            ...(opts.resetTotp ? { totpSecretEnc: null, totpEnrolledAt: null, totpLastCounter: null } : {}),
            updatedAt: new Date(),
          })
          .where(sql`${users.id} = ${id} AND ${users.tenant} = ${p.tenant}`)
          .returning({ id: users.id });
        if (!r) throw new AppError("not_found");
        await new AuthService(this.ctx).endSessionsOf(tx, id);
      },
    );
    return temporaryPassword;
  }

  async setDisabled(p: Principal, actor: AuditActor, id: string, disabled: boolean): Promise<UserView> {
    await this.ctx.withAudit(
      actor,
      { action: disabled ? "user.disable" : "user.enable", resourceType: "user", resourceId: id },
      async (tx) => {
        const [r] = await tx
          .update(users)
          .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
          .where(sql`${users.id} = ${id} AND ${users.tenant} = ${p.tenant}`)
          .returning({ id: users.id });
        if (!r) throw new AppError("not_found");
        if (disabled) await new AuthService(this.ctx).endSessionsOf(tx, id);
      },
    );
    return this.getUser(p, id);
  }

  private async checkReferences(p: Principal, input: { agencyId?: string; jurisdiction?: UserCreate["jurisdiction"] }): Promise<void> {
    const fields: Record<string, FieldIssue> = {};
    if (input.agencyId) {
      const [a] = await this.ctx.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(sql`${agencies.id} = ${input.agencyId} AND ${agencies.tenant} = ${p.tenant}`);
      if (!a) fields.agencyId = { code: "agency_unknown" };
    }
    if (input.jurisdiction?.kind === "areas") {
      const codes = input.jurisdiction.codes;
      const unknown = new Set(await unknownRegionCodes(this.ctx.db, codes));
      codes.forEach((code, i) => {
        const level = regionLevelOf(code);
        if (unknown.has(code) || (level !== "kecamatan" && level !== "desa"))
          fields[`jurisdiction.codes.${i}`] ??= { code: "region_unknown" };
        else if (!isWithin(code, this.ctx.config.regency)) fields[`jurisdiction.codes.${i}`] ??= { code: "region_outside_regency" };
      });
    }
    if (Object.keys(fields).length) throw invalid(fields);
  }

  private userView(u: UserRow, a: { id: string; name: string; code: string } | null): UserView {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      agency: a?.id ? a : null,
      roles: u.roles,
      jurisdiction: jurisdictionOf(u.jurisdiction),
      disabled: u.disabledAt !== null,
      totpEnrolled: u.totpEnrolledAt !== null,
      lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    };
  }
}
