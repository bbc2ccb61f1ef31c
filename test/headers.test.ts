// Headers that keep personal data out of caches, and HTTPS-only promises made only when served over HTTPS.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

describe("over plain HTTP (default)", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false });
  });
  afterAll(() => env.close());

  it("marks every API answer that carries personal data no-store", async () => {
    const worker = await sessionFor(env, await createUser(env.ctx, { roles: ["case_manager"] }));
    const created = await worker.request("POST", "/api/cases", { origin: "walk_in", victim: { name: "Siti" } });
    expect(created.statusCode).toBe(201);
    for (const url of ["/api/auth/me", "/api/cases", `/api/cases/${created.json().id}`, "/api/notifications"]) {
      const res = await worker.request("GET", url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
    expect(created.headers["cache-control"]).toBe("no-store");

    // A reporter's status page: public, but about one person's report.
    const report = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "other",
      description: "Tawaran kerja ke luar negeri tanpa dokumen.",
    });
    expect(report.headers["cache-control"]).toBe("no-store");
    const { trackingCode, pin } = report.json();
    const status = await anonymous(env.app).request("POST", "/api/public/reports/lookup", { trackingCode, pin });
    expect(status.statusCode).toBe(200);
    expect(status.headers["cache-control"]).toBe("no-store");
    // Refusals too.
    expect((await anonymous(env.app).request("GET", "/api/cases")).headers["cache-control"]).toBe("no-store");
  });

  it("sends no HSTS and no Secure cookie", async () => {
    const user = await createUser(env.ctx, { roles: ["volunteer"] });
    const login = await anonymous(env.app).request("POST", "/api/auth/login", { username: user.username, password: user.password });
    expect(login.statusCode).toBe(200);
    expect(login.headers["strict-transport-security"]).toBeUndefined();
    const cookie = login.cookies.find((c) => c.name === "simpul_session");
    expect(cookie?.secure).toBeFalsy();
    expect((await anonymous(env.app).request("GET", "/api/health")).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("behind HTTPS (SIMPUL_COOKIE_SECURE=1)", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false, cookieSecure: true });
  });
  afterAll(() => env.close());

  it("sends HSTS and a Secure cookie", async () => {
    const user = await createUser(env.ctx, { roles: ["volunteer"] });
    const login = await anonymous(env.app).request("POST", "/api/auth/login", { username: user.username, password: user.password });
    expect(login.statusCode).toBe(200);
    expect(login.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
    expect(login.cookies.find((c) => c.name === "simpul_session")?.secure).toBe(true);
  });
});
