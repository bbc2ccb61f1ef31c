// The server answers every page of the web app with the app (so a reload or a shared link works),
// while unknown API addresses and missing build files stay 404.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_MAX, buildApp } from "../src/server/app";
import { createTestEnv, type TestEnv } from "./helpers/app";

let env: TestEnv;
let web: FastifyInstance;
let webDir: string;
const INDEX = "<!doctype html><title>Simpul</title><div id=root></div>";

beforeAll(async () => {
  env = await createTestEnv();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-web-"));
  fs.mkdirSync(path.join(webDir, "assets"));
  fs.writeFileSync(path.join(webDir, "index.html"), INDEX);
  fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), "console.log(1)");
  web = await buildApp(env.ctx, { logger: false, webDir });
  await web.ready();
});
afterAll(async () => {
  await web.close();
  await env.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string) => web.inject({ method: "GET", url });

describe("web app fallback", () => {
  it.each([
    "/konsol/desa/36.04.12.2001",
    "/konsol/desa/36.04.12.2001?tab=indikator",
    "/konsol/sosialisasi/0b7f3c2e-1d0a-4c58-9f4e-3f4b8f8c2a11",
    "/konsol/laporan/0b7f3c2e-1d0a-4c58-9f4e-3f4b8f8c2a11",
    "/konsol/kasus/0b7f3c2e-1d0a-4c58-9f4e-3f4b8f8c2a11",
    "/konsol/cakupan",
    "/konsol/relawan",
    "/konsol/peta",
    "/konsol",
    "/lapor/status",
  ])("serves the app on a reload of %s", async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toBe(INDEX);
  });

  it("serves the build's files as they are", async () => {
    const res = await get("/assets/app-abc123.js");
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("console.log(1)");
  });

  it("answers a missing build file with 404, not the app", async () => {
    const res = await get("/assets/gone-123.js");
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toBe(INDEX);
  });

  it("keeps unknown API addresses a JSON 404, dots or not", async () => {
    for (const url of ["/api/nothing-here", "/api/villages/x/36.04.12.2001", "/api"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe("route_not_found");
    }
  });

  it("serves the app's files to one busy address past the API's per-minute ceiling (phones behind one NAT)", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < API_MAX + 50; i++) statuses.add((await get("/assets/app-abc123.js")).statusCode);
    expect([...statuses]).toEqual([200]);
    expect((await get("/api/health")).statusCode).toBe(200);
  });
});
