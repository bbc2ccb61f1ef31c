// Cross-cutting behaviour of the HTTP layer: health, OpenAPI, bad input, size caps, unknown routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, type TestEnv } from "./helpers/app";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe("HTTP layer", () => {
  it("reports health with the database kind and version", async () => {
    const res = await anonymous(env.app).request("GET", "/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: env.ctx.database.kind, version: env.ctx.config.version });
  });

  it("publishes OpenAPI 3 generated from the route schemas, and the docs UI", async () => {
    const spec = (await anonymous(env.app).request("GET", "/api/openapi.json")).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths["/api/auth/login"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("username");
    expect(spec.paths["/api/regions/{code}/children"].get).toBeDefined();
    const docs = await anonymous(env.app).request("GET", "/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toMatch(/html/);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await env.app.inject({ method: "POST", url: "/api/auth/login", headers: { "content-type": "application/json" }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("refuses unknown fields by name", async () => {
    const res = await anonymous(env.app).request("POST", "/api/auth/login", { username: "a", password: "b", isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ isAdmin: "Isian tidak dikenal." });
  });

  it("caps request size with 413", async () => {
    const res = await anonymous(env.app).request("POST", "/api/auth/login", { username: "a", password: "x".repeat(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("refuses form posts (no cross-site form submission reaches a handler)", async () => {
    const res = await env.app.inject({ method: "POST", url: "/api/auth/login", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "username=a&password=b" });
    expect(res.statusCode).toBe(415);
  });

  it("answers unknown API routes with a translated 404", async () => {
    const res = await anonymous(env.app).request("GET", "/api/nothing-here", undefined, { "accept-language": "en" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: "route_not_found", message: "No such API address." });
  });

  it("sets security headers", async () => {
    const res = await anonymous(env.app).request("GET", "/api/health");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
