// PostgreSQL goes away under load: requests answer 503 with a clear message, the process survives,
// and service resumes by itself when the database returns. Runs against PostgreSQL only
// (set SIMPUL_TEST_DATABASE_URL); the database is cut off by a TCP proxy between app and server.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app";
import { createContext } from "../src/server/context";
import { DEFAULT_DB_TIMEOUTS } from "../src/server/config";
import { openDatabase } from "../src/server/db/client";
import { createUser, openTestDatabase, sessionFor, testConfig } from "./helpers/app";

const url = process.env.SIMPUL_TEST_DATABASE_URL;

class Proxy {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  private up = false;
  /** Accepts connections and keeps them open, but forwards nothing: a database that stops answering. */
  stalled = false;
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}
  async start(): Promise<void> {
    this.up = true;
    this.server = net.createServer((client) => {
      // A connection that slips in while stopping is dropped too.
      if (!this.up) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      // Forward by hand so a stall can swallow bytes in both directions while every socket stays open.
      client.on("data", (d) => void (this.stalled || upstream.write(d)));
      upstream.on("data", (d) => void (this.stalled || client.write(d)));
      client.on("end", () => upstream.end());
      upstream.on("end", () => client.end());
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
  }
  /** The database "goes away": new connections are refused and live ones drop. */
  async stop(): Promise<void> {
    this.up = false;
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

describe.skipIf(!url)("database outage (PostgreSQL)", () => {
  let proxy: Proxy;
  let cleanup: () => Promise<void>;
  let env: Awaited<ReturnType<typeof setup>>;

  async function setup() {
    const { database: direct, drop } = await openTestDatabase();
    const realUrl = new URL(url!);
    proxy = new Proxy({ host: realUrl.hostname, port: Number(realUrl.port || 5432) });
    await proxy.start();
    const database = await openDatabase({ kind: "postgresql", url: direct.url!.replace(`${realUrl.hostname}:${realUrl.port || 5432}`, `127.0.0.1:${proxy.port}`), poolSize: 4, onPoolError: () => {} });
    // The load below is one client: the per-client rate limit would answer 429 before the database matters.
    const ctx = await createContext(testConfig({ publicRateLimit: false }), database);
    const app = await buildApp(ctx, { logger: false, serveWeb: false });
    cleanup = async () => {
      await app.close();
      await database.close().catch(() => {});
      await drop();
    };
    return { ctx, app };
  }

  beforeAll(async () => {
    env = await setup();
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it("answers 503 while the database is away and recovers when it returns", async () => {
    const user = await createUser(env.ctx, { roles: ["volunteer"] });
    const client = await sessionFor({ ...env, close: async () => {} }, user);
    const hit = () => env.app.inject({ method: "GET", url: "/api/health" });
    const me = () => client.request("GET", "/api/auth/me");
    expect((await hit()).statusCode).toBe(200);

    // Load runs throughout: a steady stream of reads while the database goes away and returns.
    let running = true;
    const statuses: number[] = [];
    const load = (async () => {
      while (running) {
        const [a, b] = await Promise.all([hit(), me()]);
        statuses.push(a.statusCode, b.statusCode);
        // Real clients wait on the network between requests; a loop of instant 503s would otherwise
        // starve the event loop (timers, the proxy's sockets) and stall the test itself.
        await new Promise((r) => setTimeout(r, 2));
      }
    })().catch(() => {
      running = false;
    });

    await new Promise((r) => setTimeout(r, 300));
    await proxy.stop();
    await new Promise((r) => setTimeout(r, 1500));
    const down = await hit();
    expect(down.statusCode).toBe(503);
    expect(down.json().error).toEqual({ code: "database_unavailable", message: expect.stringMatching(/Basis data/) });
    expect(down.headers["retry-after"]).toBeDefined();
    // Reports sent together while the database is away: each is told to retry (503), none gets a 500.
    const reports = await Promise.all(
      Array.from({ length: 5 }, () =>
        env.app.inject({
          method: "POST",
          url: "/api/public/reports",
          payload: { submissionId: randomUUID(), category: "other", description: "Laporan saat basis data tidak tersedia." },
        }),
      ),
    );
    expect(reports.map((r) => r.statusCode)).toEqual([503, 503, 503, 503, 503]);

    await proxy.start();
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await hit()).statusCode === 200 && (await me()).statusCode === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await load;
    expect(recovered).toBe(true);
    // Nothing but success or "database unavailable": never a 500.
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 503))).toEqual(new Set());
    expect(statuses).toContain(503);
  }, 60_000);

  it("answers 503 within seconds when the database accepts connections but stops answering", async () => {
    const { database: direct, drop } = await openTestDatabase();
    const realUrl = new URL(url!);
    const stallProxy = new Proxy({ host: realUrl.hostname, port: Number(realUrl.port || 5432) });
    await stallProxy.start();
    const timeouts = { ...DEFAULT_DB_TIMEOUTS, connectMs: 1_500, statementMs: 1_500 };
    const database = await openDatabase({
      kind: "postgresql",
      url: direct.url!.replace(`${realUrl.hostname}:${realUrl.port || 5432}`, `127.0.0.1:${stallProxy.port}`),
      poolSize: 4,
      timeouts,
      onPoolError: () => {},
    });
    const ctx = await createContext(testConfig({ publicRateLimit: false, dbTimeouts: timeouts }), database);
    const app = await buildApp(ctx, { logger: false, serveWeb: false });
    try {
      const user = await createUser(ctx, { roles: ["case_manager"] });
      const client = await sessionFor({ ctx, app, close: async () => {} }, user);
      expect((await client.request("GET", "/api/cases")).statusCode).toBe(200);

      stallProxy.stalled = true;
      const started = Date.now();
      const within = <T>(p: Promise<T>) =>
        Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 10 s: the request hangs")), 10_000))]);
      // Reads, a transaction (a case) and the public intake, all at once, on connections that hang mid-answer.
      const answers = await within(
        Promise.all([
          client.request("GET", "/api/cases"),
          client.request("GET", "/api/auth/me"),
          client.request("POST", "/api/cases", { origin: "walk_in" }),
          app.inject({ method: "POST", url: "/api/public/reports", payload: { submissionId: randomUUID(), category: "other", description: "Laporan saat basis data diam." } }),
          app.inject({ method: "GET", url: "/api/health" }),
        ]),
      );
      const elapsed = Date.now() - started;
      for (const a of answers) {
        expect(a.statusCode, a.body).toBe(503);
        expect(a.json().error.code).toBe("database_unavailable");
      }
      expect(elapsed).toBeLessThan(8_000);

      // Once the database answers again, so does the app: no connection stays stuck in the pool.
      stallProxy.stalled = false;
      let recovered = false;
      for (let i = 0; i < 40 && !recovered; i++) {
        recovered = (await client.request("GET", "/api/cases")).statusCode === 200 && (await client.request("POST", "/api/cases", { origin: "walk_in" })).statusCode === 201;
        if (!recovered) await new Promise((r) => setTimeout(r, 250));
      }
      expect(recovered).toBe(true);
    } finally {
      await app.close();
      await stallProxy.stop();
      await database.close().catch(() => {});
      await drop();
    }
  }, 60_000);
});
