// Per-file test harness: a fresh database cloned from the run's template, the real app, and factories.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import * as OTPAuth from "otpauth";
import { inject } from "vitest";
import { requiresTotp, type Role } from "../../src/core/roles";
import { buildApp } from "../../src/server/app";
import { type Config, loadConfig } from "../../src/server/config";
import { type AppContext, createContext } from "../../src/server/context";
import { type Database, openDatabase } from "../../src/server/db/client";
import { agencies, sessions, users } from "../../src/server/db/schema";
import { encrypt, randomToken, sha256Hex } from "../../src/server/lib/crypto";
import { hashPassword } from "../../src/server/auth/auth.password";
import { adminUrl } from "./pg";

export type TestEnv = {
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
};

export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const pgTemplate = inject("pgTemplate");
  const url = process.env.SIMPUL_TEST_DATABASE_URL;
  if (pgTemplate && url) {
    const pg = (await import("pg")).default;
    const name = `simpul_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ kind: "postgresql", url: u.toString(), poolSize: 8 });
    return {
      database,
      async drop() {
        await database.close().catch(() => {});
        const a = new pg.Client({ connectionString: adminUrl(url) });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const file = inject("pgliteTemplate");
  if (!file) throw new Error("test template missing: run tests through vitest with test/global-setup.ts");
  const database = await openDatabase({ kind: "pglite", memory: true, loadDataDir: new Blob([fs.readFileSync(file)]) });
  return { database, drop: () => database.close() };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-test-"));
  return loadConfig(
    { SIMPUL_DATA_DIR: dataDir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_SECRET_KEY: randomBytes(32).toString("base64"), SIMPUL_SEED_REGIONS: "none" },
    { demo: false, ...overrides },
  );
}

export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const { database, drop } = await openTestDatabase();
  const config = testConfig(overrides);
  const ctx = await createContext(config, database);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  return {
    ctx,
    app,
    async close() {
      await app.close();
      await drop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

export async function createAgency(ctx: AppContext, over: Partial<typeof agencies.$inferInsert> = {}) {
  counter++;
  const [row] = await ctx.db
    .insert(agencies)
    .values({ tenant: ctx.config.regency, code: `AG${counter}-${randomBytes(3).toString("hex")}`, name: `Instansi Uji ${counter}`, category: "government", ...over })
    .returning();
  return row!;
}

export type TestUser = typeof users.$inferSelect & { password: string; totpSecret?: string };

/** A user inserted directly (fast path for tests that are not about account management). */
export async function createUser(
  ctx: AppContext,
  opts: { roles: Role[]; jurisdiction?: string[] | null; agencyId?: string; username?: string; password?: string; enrolTotp?: boolean } ,
): Promise<TestUser> {
  counter++;
  const password = opts.password ?? `pw-${randomBytes(8).toString("hex")}`;
  const agencyId = opts.agencyId ?? (await createAgency(ctx)).id;
  const enrol = opts.enrolTotp ?? requiresTotp(opts.roles);
  const totpSecret = enrol ? new OTPAuth.Secret({ size: 20 }).base32 : undefined;
  const [row] = await ctx.db
    .insert(users)
    .values({
      tenant: ctx.config.regency,
      username: opts.username ?? `user${counter}_${randomBytes(3).toString("hex")}`,
      displayName: `Pengguna Uji ${counter}`,
      agencyId,
      roles: opts.roles,
      jurisdiction: opts.jurisdiction ?? null,
      passwordHash: await hashPassword(password),
      totpSecretEnc: totpSecret ? encrypt(ctx.keys, totpSecret) : null,
      totpEnrolledAt: totpSecret ? new Date() : null,
    })
    .returning();
  return { ...row!, password, totpSecret };
}

export function totpCode(secret: string, at = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
}

export type Client = {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

/** Signs a user in without the password round (inserts a session), for tests about other things. */
export async function sessionFor(env: TestEnv, user: { id: string }): Promise<Client> {
  const token = randomToken();
  const csrf = randomToken();
  await env.ctx.db.insert(sessions).values({ tokenHash: sha256Hex(token), userId: user.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 3_600_000) });
  return clientFor(env.app, `simpul_session=${token}`, csrf);
}

/** A new user with these roles, signed in: for tests that need a caller, not the account itself. */
export async function signedIn(env: TestEnv, opts: Parameters<typeof createUser>[1]): Promise<Client> {
  return (await signedInUser(env, opts))[1];
}

/** A new user with these roles and a signed-in session for them: for tests that need both the account and the caller. */
export async function signedInUser(env: TestEnv, opts: Parameters<typeof createUser>[1]): Promise<[TestUser, Client]> {
  const user = await createUser(env.ctx, opts);
  return [user, await sessionFor(env, user)];
}

/** A signed-in user: the account, and a client with its session. */
export type SignedIn = { user: TestUser; http: Client };

/** The signed-in users a test file works with, by name, created in the order given: the file's cast in one call. */
export async function signedInCast<const C extends Record<string, Parameters<typeof createUser>[1]>>(
  env: TestEnv,
  cast: C,
): Promise<{ [K in keyof C]: SignedIn }> {
  const out: Partial<Record<keyof C, SignedIn>> = {};
  for (const name of Object.keys(cast) as (keyof C)[]) {
    const [user, http] = await signedInUser(env, cast[name]!);
    out[name] = { user, http };
  }
  return out as { [K in keyof C]: SignedIn };
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    request(method, url, body, headers = {}) {
      return app.inject({
        method: method as any,
        url,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrf }), ...headers },
        ...(body === undefined ? {} : { payload: body as any }),
      });
    },
  };
}

export function anonymous(app: FastifyInstance) {
  return {
    request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
      return app.inject({ method: method as any, url, headers, ...(body === undefined ? {} : { payload: body as any }) });
    },
  };
}

/** Reads the session cookie from a sign-in response. */
export function sessionCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === "simpul_session");
  if (!c) throw new Error("no session cookie in response");
  return `simpul_session=${c.value}`;
}
