// The server, not only the UI, holds a temporary-password session to "change your password first";
// sign-in challenges are bound to the account's credentials and an enrolment cannot be replayed.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, createUser, sessionFor, signedIn, type TestEnv, totpCode } from "../../../test/helpers/app";
import { ERROR_MESSAGES } from "../../core/i18n/errors";
import { users } from "../db/schema";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
});
afterAll(() => env.close());

const login = (username: string, password: string) => anonymous(env.app).request("POST", "/api/auth/login", { username, password });

describe("temporary password", () => {
  it("opens only me, password change and sign-out until the password is changed", async () => {
    const user = await createUser(env.ctx, { roles: ["case_manager"], enrolTotp: false });
    await env.ctx.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const client = await sessionFor(env, user);

    for (const [method, url] of [
      ["GET", "/api/cases"],
      ["GET", "/api/notifications"],
      ["GET", "/api/referrals"],
      ["POST", "/api/cases"],
    ] as const) {
      const res = await client.request(method, url, method === "POST" ? { origin: "walk_in" } : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toEqual({ code: "password_change_required", message: ERROR_MESSAGES.password_change_required.id });
    }
    const me = await client.request("GET", "/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    // Public routes stay public.
    expect((await client.request("GET", "/api/health")).statusCode).toBe(200);

    const changed = await client.request("POST", "/api/auth/password", {
      currentPassword: user.password,
      newPassword: "kata-sandi-baru-yang-panjang",
    });
    expect(changed.statusCode).toBe(204);
    expect((await client.request("GET", "/api/cases")).statusCode).toBe(200);
  });
});

describe("TOTP challenges", () => {
  it("refuse a stale enrolment challenge replayed after enrolment: the enrolled secret stays", async () => {
    const user = await createUser(env.ctx, { roles: ["case_manager"], enrolTotp: false });
    const first = (await login(user.username, user.password)).json();
    const second = (await login(user.username, user.password)).json();
    expect(first.status).toBe("totp_enrol");
    expect(second.status).toBe("totp_enrol");

    const enrolled = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: second.challenge,
      code: totpCode(second.secret),
    });
    expect(enrolled.statusCode).toBe(200);

    // The first challenge (seen on a shared screen, say) with a fresh code of its own secret.
    const replay = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: first.challenge,
      code: totpCode(first.secret, Date.now() + 30_000),
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe("challenge_expired");

    // Signing in still takes the enrolled secret, not the replayed one.
    const again = (await login(user.username, user.password)).json();
    expect(again.status).toBe("totp_required");
    const ok = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: again.challenge,
      code: totpCode(second.secret, Date.now() + 30_000),
    });
    expect(ok.statusCode).toBe(200);
  });

  it("end when the account's password is reset", async () => {
    const user = await createUser(env.ctx, { roles: ["case_manager"] });
    const pending = (await login(user.username, user.password)).json();
    expect(pending.status).toBe("totp_required");
    const admin = await signedIn(env, { roles: ["admin"] });
    expect((await admin.request("POST", `/api/admin/users/${user.id}/reset-password`, {})).statusCode).toBe(200);
    const late = await anonymous(env.app).request("POST", "/api/auth/totp", {
      challenge: pending.challenge,
      code: totpCode(user.totpSecret!),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe("challenge_expired");
  });
});
