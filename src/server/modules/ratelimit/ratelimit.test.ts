import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../../../test/helpers/app";
import { buildApp } from "../../app";
import { ConfigError, loadConfig } from "../../config";
import { createContext } from "../../context";
import { PIN_CLIENT_MAX, PIN_CODE_MAX } from "./ratelimit.service";

let env: TestEnv;
beforeAll(async () => {
  // Route quotas off here: these tests are about the PIN counters and the client address.
  env = await createTestEnv({ publicRateLimit: false });
});
afterAll(() => env.close());

async function newReport(e: TestEnv) {
  const res = await e.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: { submissionId: randomUUID(), category: "other", description: "Laporan uji batas percobaan PIN." },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { trackingCode: string; pin: string };
}

const wrongPinOf = (pin: string) => (pin === "000000" ? "111111" : "000000");

function lookup(e: TestEnv, body: { trackingCode: string; pin: string }, opts: { ip?: string; xff?: string } = {}) {
  return e.app.inject({
    method: "POST",
    url: "/api/public/reports/lookup",
    payload: body,
    remoteAddress: opts.ip ?? "203.0.113.9",
    headers: opts.xff ? { "x-forwarded-for": opts.xff } : {},
  });
}

describe("public report PIN attempts", () => {
  it("lets at most the limit of concurrent wrong guesses from one client be compared", async () => {
    const { trackingCode, pin } = await newReport(env);
    const answers = await Promise.all(Array.from({ length: 30 }, () => lookup(env, { trackingCode, pin: wrongPinOf(pin) })));
    const compared = answers.filter((r) => r.statusCode === 404);
    expect(compared.length).toBeLessThanOrEqual(PIN_CLIENT_MAX);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(30 - compared.length);
    // The stranger locked out only themselves: the owner, from elsewhere, still gets in.
    expect((await lookup(env, { trackingCode, pin }, { ip: "198.51.100.7" })).statusCode).toBe(200);
  });

  it("holds the per-code brake under concurrent guesses from many addresses, for 15 minutes at most", async () => {
    const { trackingCode, pin } = await newReport(env);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => lookup(env, { trackingCode, pin: wrongPinOf(pin) }, { ip: `192.0.2.${i + 1}` })),
    );
    expect(answers.filter((r) => r.statusCode === 404).length).toBeLessThanOrEqual(PIN_CODE_MAX);
    const locked = await lookup(env, { trackingCode, pin }, { ip: "198.51.100.8" });
    expect(locked.statusCode).toBe(429);
    const retryAt = new Date(locked.json().error.retryAt).getTime();
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 5_000);
  });

  it("tells the owner how many attempts remain and gives them back after the right PIN", async () => {
    const { trackingCode, pin } = await newReport(env);
    const ip = "198.51.100.20";
    const first = await lookup(env, { trackingCode, pin: wrongPinOf(pin) }, { ip });
    expect(first.json().error).toMatchObject({ code: "pin_wrong", attemptsLeft: PIN_CLIENT_MAX - 1 });
    expect((await lookup(env, { trackingCode, pin }, { ip })).statusCode).toBe(200);
    const again = await lookup(env, { trackingCode, pin: wrongPinOf(pin) }, { ip });
    expect(again.json().error.attemptsLeft).toBe(PIN_CLIENT_MAX - 1);
  });
});

describe("client address behind a proxy", () => {
  it("does not let a rotated X-Forwarded-For escape the PIN limit or the quota with one trusted hop", async () => {
    const proxied = await createTestEnv({ publicRateLimit: true, reportLookupsPerHour: 8, trustProxy: 1 });
    try {
      const { trackingCode, pin } = await newReport(proxied);
      // The proxy (127.0.0.1) appends the address it saw; the client forges whatever it likes in front.
      const guess = (i: number) =>
        lookup(proxied, { trackingCode, pin: wrongPinOf(pin) }, { ip: "127.0.0.1", xff: `10.9.${i}.${i}, 203.0.113.50` });
      const codes: number[] = [];
      for (let i = 0; i < 10; i++) codes.push((await guess(i)).statusCode);
      expect(codes.filter((c) => c === 404)).toHaveLength(PIN_CLIENT_MAX);
      expect(codes.slice(PIN_CLIENT_MAX).every((c) => c === 429)).toBe(true);
      // Another real client behind the same proxy has its own quota (not one shared by everyone behind it).
      expect((await lookup(proxied, { trackingCode, pin }, { ip: "127.0.0.1", xff: "198.51.100.30" })).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("reads SIMPUL_TRUST_PROXY as none, a hop count or an address list, never 'trust everything'", () => {
    const cfg = (v: string) => loadConfig({ SIMPUL_TRUST_PROXY: v }).trustProxy;
    expect(cfg("0")).toBe(false);
    expect(cfg("1")).toBe(1);
    expect(cfg("true")).toBe(1);
    expect(cfg("2")).toBe(2);
    expect(cfg("10.0.0.0/8, 127.0.0.1,::1")).toEqual(["10.0.0.0/8", "127.0.0.1", "::1"]);
    expect(() => cfg("10.0.0.0/99")).toThrow(ConfigError);
    expect(() => cfg("proxy.local")).toThrow(ConfigError);
  });
});

describe("quotas shared by several app servers", () => {
  it("counts one client's requests to two app instances against one quota", async () => {
    const limited = await createTestEnv({ publicRateLimit: true, reportLookupsPerHour: 4 });
    const ctx2 = await createContext(limited.ctx.config, limited.ctx.database);
    const app2 = await buildApp(ctx2, { logger: false, serveWeb: false });
    await app2.ready();
    try {
      const body = { trackingCode: "ZZZZZ-ZZZZZ", pin: "123456" };
      const send = (app: typeof app2, ip: string) =>
        app.inject({ method: "POST", url: "/api/public/reports/lookup", payload: body, remoteAddress: ip });
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await send(limited.app, "203.0.113.77")).statusCode);
      for (let i = 0; i < 3; i++) codes.push((await send(app2, "203.0.113.77")).statusCode);
      // 4 of 6 pass in total (the PIN counter answers 404 for the wrong code), the rest hit the shared quota.
      expect(codes.filter((c) => c === 429)).toHaveLength(2);
      expect(codes.slice(4)).toEqual([429, 429]);
      expect((await send(app2, "198.51.100.40")).statusCode).toBe(404);
    } finally {
      await app2.close();
      await limited.close();
    }
  });
});
