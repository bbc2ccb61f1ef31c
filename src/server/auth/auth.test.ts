import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymous,
  clientFor,
  createTestEnv,
  createUser,
  sessionCookieOf,
  sessionFor,
  type TestEnv,
  totpCode,
} from "../../../test/helpers/app";
import { auditLog, sessions, users } from "../db/schema";
import { sha256Hex } from "../lib/crypto";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ loginMaxFailures: 3 });
});
afterAll(() => env.close());

const login = (username: string, password: string) => anonymous(env.app).request("POST", "/api/auth/login", { username, password });

describe("sign-in", () => {
  it("signs a volunteer in with a password alone and sets a strict httpOnly cookie", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: ["36.04.12.2001"] });
    const res = await login(u.username, u.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe("ok");
    expect(body.user.roles).toEqual(["volunteer"]);
    expect(body.user.jurisdiction).toEqual({ kind: "areas", codes: ["36.04.12.2001"] });
    expect(body.user.abilities.manageUsers).toBe(false);
    expect(body.user.regency).toEqual({ code: "36.04", name: "Kabupaten Serang" });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await env.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: sessionCookieOf(res) } });
    expect(me.json().user.username).toBe(u.username);
  });

  it("makes an admin enrol TOTP at first sign-in, then asks for the code every time", async () => {
    const u = await createUser(env.ctx, { roles: ["admin"], enrolTotp: false });
    const first = await login(u.username, u.password);
    expect(first.json().status).toBe("totp_enrol");
    const { challenge, secret, qrSvg } = first.json();
    expect(qrSvg).toContain("<svg");
    const wrong = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge,
      code: "000000" === totpCode(secret) ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("invalid_totp");
    const ok = await anonymous(env.app).request("POST", "/api/auth/totp", { challenge, code: totpCode(secret) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.abilities.manageUsers).toBe(true);

    const second = await login(u.username, u.password);
    expect(second.json()).toEqual({ status: "totp_required", challenge: expect.any(String) });
    // The code already used cannot be replayed.
    const replay = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: second.json().challenge,
      code: totpCode(secret),
    });
    expect(replay.statusCode).toBe(401);
    const next = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: second.json().challenge,
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(next.statusCode).toBe(200);
  });

  it("never opens a session for a TOTP role on the password alone", async () => {
    const u = await createUser(env.ctx, { roles: ["case_manager"] });
    const res = await login(u.username, u.password);
    expect(res.json().status).toBe("totp_required");
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("rejects a tampered challenge", async () => {
    const u = await createUser(env.ctx, { roles: ["investigator"] });
    const { challenge } = (await login(u.username, u.password)).json();
    const [body, mac] = challenge.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), u: u.id })).toString("base64url");
    const res = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: `${forged}x.${mac}`,
      code: totpCode(u.totpSecret!),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("challenge_expired");
  });

  it("answers the same for an unknown user and a wrong password", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const unknown = await login("no-such-user", "whatever-password");
    const wrong = await login(u.username, "wrong-password");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it("locks the account after repeated failures, even against the right password", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    expect((await login(u.username, "bad-1")).statusCode).toBe(401);
    expect((await login(u.username, "bad-2")).statusCode).toBe(401);
    const third = await login(u.username, "bad-3");
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe("account_locked");
    expect((await login(u.username, u.password)).statusCode).toBe(423);
    const events = await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, u.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.login_failed", "auth.account_locked", "auth.login_blocked"]));
  });

  it("refuses a disabled account", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    await env.ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    const res = await login(u.username, u.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("account_disabled");
  });

  it("writes an audit record for every sign-in", async () => {
    const u = await createUser(env.ctx, { roles: ["auditor"] });
    await login(u.username, u.password);
    const rows = await env.ctx.db.select().from(auditLog).where(eq(auditLog.actorUserId, u.id));
    expect(rows.some((r) => r.action === "auth.login" && r.ip)).toBe(true);
  });
});

describe("sessions", () => {
  it("ends the session on sign-out", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const c = await sessionFor(env, u);
    expect((await c.request("POST", "/api/auth/logout")).statusCode).toBe(204);
    expect((await c.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("expires an idle session", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const c = await sessionFor(env, u);
    expect((await c.request("GET", "/api/auth/me")).statusCode).toBe(200);
    await env.ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, u.id));
    const res = await c.request("GET", "/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const c = await sessionFor(env, u);
    const forged = clientFor(env.app, c.cookie, "not-the-token");
    const res = await forged.request("POST", "/api/auth/logout");
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
    expect((await c.request("GET", "/api/auth/me")).statusCode).toBe(200);
  });
});

describe("password change", () => {
  it("replaces a temporary password, ends other sessions, and refuses weak ones", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    await env.ctx.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, u.id));
    const mine = await sessionFor(env, u);
    const other = await sessionFor(env, u);
    expect((await mine.request("GET", "/api/auth/me")).json().user.mustChangePassword).toBe(true);
    const weak = await mine.request("POST", "/api/auth/password", { currentPassword: u.password, newPassword: "short" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.newPassword).toMatch(/minimal 12/);
    const ok = await mine.request("POST", "/api/auth/password", { currentPassword: u.password, newPassword: "kopi-tubruk-pontang-2026" });
    expect(ok.statusCode).toBe(204);
    expect((await mine.request("GET", "/api/auth/me")).json().user.mustChangePassword).toBe(false);
    expect((await other.request("GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await login(u.username, "kopi-tubruk-pontang-2026")).statusCode).toBe(200);
  });
});

describe("session purge job", () => {
  it("removes idle and expired sessions and keeps live ones", async () => {
    const { AuthService } = await import("./auth.service");
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const live = await sessionFor(env, u);
    await sessionFor(env, u);
    await sessionFor(env, u);
    const liveHash = sha256Hex(live.cookie.split("=")[1]!);
    const rows = (await env.ctx.db.select().from(sessions).where(eq(sessions.userId, u.id))).filter((r) => r.tokenHash !== liveHash);
    await env.ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 2 * 3_600_000) })
      .where(eq(sessions.tokenHash, rows[0]!.tokenHash));
    await env.ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, rows[1]!.tokenHash));
    expect(await new AuthService(env.ctx).purgeExpiredSessions()).toBeGreaterThanOrEqual(2);
    const left = await env.ctx.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(left.map((r) => r.tokenHash)).toEqual([liveHash]);
    expect((await live.request("GET", "/api/auth/me")).statusCode).toBe(200);
  });
});
