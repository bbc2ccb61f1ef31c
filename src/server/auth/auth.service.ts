// Sign-in with password and TOTP, database sessions, lockout after repeated failures.
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { type Role, requiresTotp } from "../../core/roles";
import type { AuthState, Principal } from "./principal";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import type { AppContext } from "../context";
import { decrypt, encrypt, randomToken, sha256Hex } from "../lib/crypto";
import { AppError, invalid } from "../lib/errors";
import type { AuditActor } from "./principal";
import { burnPasswordCheck, hashPassword, isAcceptablePassword, verifyPassword } from "./auth.password";

export type NewSession = { token: string; csrfToken: string; expiresAt: Date; principal: Principal };

export type LoginOutcome =
  | { status: "ok"; session: NewSession }
  | { status: "totp_required"; challenge: string }
  | { status: "totp_enrol"; challenge: string; secret: string; otpauthUri: string; qrSvg: string };

type UserRow = typeof users.$inferSelect;

const CHALLENGE_TTL_MS = 5 * 60_000;

/** A signed sign-in challenge: user, kind, credential stamp, and (enrolment) the encrypted new secret. */
type Challenge = { u: string; k: "verify" | "enrol"; f: string; s?: string };

/** Changes whenever the password, the TOTP secret or the enrolment changes. */
function credentialStamp(u: UserRow): string {
  return sha256Hex(`${u.passwordHash}\0${u.totpSecretEnc ?? ""}\0${u.totpEnrolledAt?.toISOString() ?? ""}`).slice(0, 32);
}
const ISSUER = "Simpul";

export function principalOf(u: UserRow): Principal {
  return {
    id: u.id,
    tenant: u.tenant,
    username: u.username,
    displayName: u.displayName,
    agencyId: u.agencyId,
    roles: u.roles as Role[],
    jurisdiction: u.jurisdiction ?? null,
    locale: u.locale,
  };
}

export class AuthService {
  constructor(private readonly ctx: AppContext) {}

  private get db(): Db {
    return this.ctx.db;
  }

  async login(username: string, password: string, ip: string): Promise<LoginOutcome> {
    const actor: AuditActor = { userId: null, username: null, ip };
    const [user] = await this.db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
    if (!user) {
      await burnPasswordCheck(password);
      await this.ctx.withAudit(actor, { action: "auth.login_failed", details: { reason: "unknown_user" } }, async () => {});
      throw new AppError("invalid_credentials");
    }
    const who: AuditActor = { userId: user.id, username: user.username, ip };
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.ctx.withAudit(
        who,
        { action: "auth.login_blocked", resourceType: "user", resourceId: user.id, details: { reason: "locked" } },
        async () => {},
      );
      throw new AppError("account_locked");
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw await this.recordFailure(user, who, "wrong_password");
    }
    if (user.disabledAt) {
      await this.ctx.withAudit(
        who,
        { action: "auth.login_failed", resourceType: "user", resourceId: user.id, details: { reason: "disabled" } },
        async () => {},
      );
      throw new AppError("account_disabled");
    }
    if (requiresTotp(user.roles)) {
      if (user.totpSecretEnc && user.totpEnrolledAt) {
        return { status: "totp_required", challenge: this.signChallenge({ u: user.id, k: "verify", f: credentialStamp(user) }) };
      }
      const secret = new OTPAuth.Secret({ size: 20 });
      const totp = this.totpFor(user.username, secret);
      const otpauthUri = totp.toString();
      return {
        status: "totp_enrol",
        challenge: this.signChallenge({ u: user.id, k: "enrol", f: credentialStamp(user), s: encrypt(this.ctx.keys, secret.base32) }),
        secret: secret.base32,
        otpauthUri,
        qrSvg: await QRCode.toString(otpauthUri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
      };
    }
    return { status: "ok", session: await this.startSession(user, who, "password") };
  }

  async verifyTotp(challenge: string, code: string, ip: string): Promise<NewSession> {
    const c = this.readChallenge(challenge);
    const [user] = await this.db.select().from(users).where(eq(users.id, c.u)).limit(1);
    if (!user || user.disabledAt) throw new AppError("challenge_expired");
    // A challenge belongs to the account as it was when it was issued: after an enrolment, a password or
    // TOTP reset, older challenges are dead. An enrolment challenge never replaces an enrolled secret.
    if (c.f !== credentialStamp(user) || (c.k === "enrol" && user.totpEnrolledAt)) throw new AppError("challenge_expired");
    const who: AuditActor = { userId: user.id, username: user.username, ip };
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError("account_locked");
    const secretB32 =
      c.k === "enrol" ? decrypt(this.ctx.keys, c.s!) : user.totpSecretEnc ? decrypt(this.ctx.keys, user.totpSecretEnc) : undefined;
    if (!secretB32) throw new AppError("challenge_expired");
    const totp = this.totpFor(user.username, OTPAuth.Secret.fromBase32(secretB32));
    const delta = /^\d{6}$/.test(code) ? totp.validate({ token: code, window: 1 }) : null;
    const counter = delta === null ? null : totp.counter() + delta;
    // A code may be used once: replaying a code seen on the wire is refused.
    if (counter === null || (user.totpLastCounter !== null && counter <= user.totpLastCounter)) {
      throw await this.recordFailure(user, who, "wrong_totp", "invalid_totp");
    }
    return this.startSession(user, who, c.k === "enrol" ? "totp_enrol" : "totp", async (tx) => {
      await tx
        .update(users)
        .set({
          totpLastCounter: counter,
          ...(c.k === "enrol" ? { totpSecretEnc: encrypt(this.ctx.keys, secretB32), totpEnrolledAt: new Date() } : {}),
        })
        .where(eq(users.id, user.id));
    });
  }

  private async recordFailure(
    user: UserRow,
    who: AuditActor,
    reason: string,
    code: "invalid_credentials" | "invalid_totp" = "invalid_credentials",
  ) {
    const max = this.ctx.config.loginMaxFailures;
    let locked = false;
    await this.ctx.withAudit(
      who,
      { action: "auth.login_failed", resourceType: "user", resourceId: user.id, details: { reason } },
      async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
          .where(eq(users.id, user.id))
          .returning({ failedAttempts: users.failedAttempts });
        if (row && row.failedAttempts >= max) {
          locked = true;
          await tx
            .update(users)
            .set({ failedAttempts: 0, lockedUntil: new Date(Date.now() + this.ctx.config.loginLockMinutes * 60_000) })
            .where(eq(users.id, user.id));
          await this.ctx.audit.write(tx, who, { action: "auth.account_locked", resourceType: "user", resourceId: user.id });
        }
      },
    );
    return new AppError(locked ? "account_locked" : code);
  }

  private async startSession(user: UserRow, who: AuditActor, method: string, extra?: (tx: Db) => Promise<void>): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + this.ctx.config.sessionMaxHours * 3_600_000);
    await this.ctx.withAudit(who, { action: "auth.login", resourceType: "user", resourceId: user.id, details: { method } }, async (tx) => {
      await tx.insert(sessions).values({ tokenHash: sha256Hex(token), userId: user.id, csrfToken, expiresAt });
      await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
      await extra?.(tx);
    });
    return { token, csrfToken, expiresAt, principal: principalOf(user) };
  }

  /** Resolves a session cookie; expired or idle sessions are removed and answer undefined. */
  async resolveSession(token: string): Promise<AuthState | undefined> {
    const tokenHash = sha256Hex(token);
    const [row] = await this.db
      .select({ s: sessions, u: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, tokenHash))
      .limit(1);
    if (!row) return undefined;
    const now = Date.now();
    const idleLimit = row.s.lastSeenAt.getTime() + this.ctx.config.sessionIdleMinutes * 60_000;
    if (row.s.expiresAt.getTime() <= now || idleLimit <= now || row.u.disabledAt) {
      await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return undefined;
    }
    // Touch at most once a minute: a busy console should not write on every request.
    if (now - row.s.lastSeenAt.getTime() > 60_000) {
      await this.db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.tokenHash, tokenHash));
    }
    return {
      principal: principalOf(row.u),
      sessionHash: tokenHash,
      csrfToken: row.s.csrfToken,
      mustChangePassword: row.u.mustChangePassword,
    };
  }

  async logout(sessionHash: string, who: AuditActor): Promise<void> {
    await this.ctx.withAudit(who, { action: "auth.logout", resourceType: "user", resourceId: who.userId ?? undefined }, async (tx) => {
      await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
    });
  }

  /** A user replaces their password (required after an admin set a temporary one). Other sessions end. */
  async changePassword(p: Principal, sessionHash: string, current: string, next: string, ip: string): Promise<void> {
    const [user] = await this.db.select().from(users).where(eq(users.id, p.id));
    if (!user) throw new AppError("unauthenticated");
    const who: AuditActor = { userId: user.id, username: user.username, ip };
    if (!(await verifyPassword(user.passwordHash, current))) throw await this.recordFailure(user, who, "wrong_current_password");
    if (!isAcceptablePassword(next, user.username) || next === current) throw invalid({ newPassword: { code: "password_weak" } });
    const passwordHash = await hashPassword(next);
    await this.ctx.withAudit(who, { action: "auth.password_change", resourceType: "user", resourceId: user.id }, async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
      await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.tokenHash} <> ${sessionHash}`));
    });
  }

  /** Removes sessions past their absolute expiry or idle for longer than the idle limit. */
  async purgeExpiredSessions(now = new Date()): Promise<number> {
    const idleBefore = new Date(now.getTime() - this.ctx.config.sessionIdleMinutes * 60_000);
    const gone = await this.db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
      .returning({ h: sessions.tokenHash });
    return gone.length;
  }

  async endSessionsOf(tx: Db, userId: string): Promise<void> {
    await tx.delete(sessions).where(and(eq(sessions.userId, userId)));
  }

  private totpFor(username: string, secret: OTPAuth.Secret) {
    return new OTPAuth.TOTP({ issuer: ISSUER, label: username, algorithm: "SHA1", digits: 6, period: 30, secret });
  }

  private signChallenge(payload: Challenge): string {
    const body = Buffer.from(JSON.stringify({ ...payload, e: Date.now() + CHALLENGE_TTL_MS })).toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  private readChallenge(token: string): Challenge {
    const [body, mac] = token.split(".");
    if (!body || !mac) throw new AppError("challenge_expired");
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError("challenge_expired");
    const c = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof c.e !== "number" || c.e < Date.now()) throw new AppError("challenge_expired");
    return c;
  }

  private mac(body: string): string {
    return createHmac("sha256", this.ctx.keys.current).update(`login-challenge\0${body}`).digest("base64url");
  }
}
