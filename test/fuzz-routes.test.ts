// Property-based fuzz over every registered API route (the list the authorization matrix checks):
// requests built from each route's own schema (via the OpenAPI document), with hostile values mixed in —
// NUL, lone surrogates, control characters, huge and fractional numbers, impossible dates, very long
// strings — in path parameters, query strings and bodies, sent by a signed-in user allowed on the route.
// Bad input must answer 4xx; a 5xx is a defect. Seeded and bounded: SIMPUL_FUZZ_RUNS runs per route
// (default 12), SIMPUL_FUZZ_SEED to replay another sequence.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../src/core/roles";
import { createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

const RUNS = Number(process.env.SIMPUL_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.SIMPUL_FUZZ_SEED ?? 20_260_313);

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  $ref?: string;
};

const LONG = "panjang ".repeat(12_500);
const HOSTILE_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u0007\u001b[31m",
  "2026-02-30",
  "9999-99-99",
  "2026-13-45",
  "0000-00-00",
  "2026-02-30T25:61",
  "-1",
  "1e308",
  "99999999999999999999999",
  "NaN",
  "",
  " ",
  LONG,
  "'; DROP TABLE users; --",
  "=cmd|' /C calc'!A0",
  "36.04.12.9999",
  "𝕏".repeat(300),
];
const HOSTILE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 0.5, -1, 0, 2_147_483_648];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(true, null, [], {}, ["\u0000"], { x: "\ud800" }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

/** Values the schema accepts (as far as a generator can tell), so requests get past validation and reach the code behind it. */
function valid(s: JsonSchema, ids: Map<string, string>, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => valid(a, ids, depth)));
  if (s.allOf?.length) return valid(s.allOf[0]!, ids, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
      const max = s.maximum ?? min + 1000;
      return type === "integer" ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) }) : fc.double({ min, max, noNaN: true });
    }
    case "array":
      return depth > 4 || !s.items
        ? fc.constant([])
        : fc.array(valid(s.items, ids, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case "object": {
      if (depth > 4 || !s.properties) return fc.constant({});
      const entries = Object.entries(s.properties).map(([k, v]) => [k, field(k, v, ids, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: (s.required ?? []).filter((k) => k in s.properties!) });
    }
    default:
      return stringFor(s);
  }
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "email") return fc.constantFrom("a@example.org", "relawan@desa.id");
  if (s.format === "date-time") return fc.constantFrom("2026-03-14T09:00:00Z", "2026-03-14T09:00:00+07:00");
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200));
    } catch {
      // a pattern fast-check cannot invert: fall through to plain text
    }
  }
  const min = s.minLength ?? 0;
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 40, 40)) }),
    fc.constantFrom("2026-03-14", "2025-12", "2026-03-14T09:00", "36.04.12", "36.04.12.2001", "Laporan tentang tawaran kerja ke luar negeri."),
  );
}

/** A field: mostly valid, sometimes hostile; known record ids for id-like fields so record routes go deep. */
function field(name: string, s: JsonSchema, ids: Map<string, string>, depth: number): fc.Arbitrary<unknown> {
  const known = ids.get(name);
  const base = known ? fc.oneof({ weight: 4, arbitrary: fc.constant(known) }, { weight: 1, arbitrary: valid(s, ids, depth) }) : valid(s, ids, depth);
  return fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: hostile });
}

/** Percent-encodes every UTF-16 unit, lone surrogates included (as WTF-8 bytes), so they reach the server's decoder. */
function encode(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? "";
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

type Operation = { parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

let env: TestEnv;
let openapi: { paths: Record<string, Record<string, Operation>> };
const ids = new Map<string, string>();
let user: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  // One account with every role passes every route-level rule; record rules still apply (team, scope).
  user = await createUser(env.ctx, { roles: [...ROLES] });
  const client = await sessionFor(env, user);
  openapi = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  const [desa] = (await env.app.inject({ method: "GET", url: "/api/regions/36.04.12/children" })).json().items ?? [];
  const desaCode = desa?.code ?? "36.04.12.2001";
  // Real records, so routes about one record validate and run their handlers instead of answering 404.
  const kase = await client.request("POST", "/api/cases", { origin: "walk_in", victim: { name: "Korban Uji" } });
  const report = await env.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: { submissionId: randomUUID(), category: "other", description: "Tawaran kerja mencurigakan ke luar negeri." },
  });
  const session = await client.request("POST", "/api/outreach/sessions", {
    id: randomUUID(),
    startsAt: "2026-03-14T09:00",
    desaCode,
    audiences: ["youth_students"],
    topics: ["step_information"],
  });
  const volunteer = await client.request("POST", "/api/volunteers", {
    name: "Relawan Uji",
    desaCodes: [desaCode],
    consentAt: "2026-01-05",
    codeOfConductAt: "2026-01-05",
  });
  if (kase.statusCode === 201) ids.set("case", kase.json().id);
  if (session.statusCode === 201 || session.statusCode === 200) ids.set("outreach", session.json().id);
  if (volunteer.statusCode === 201) ids.set("volunteer", volunteer.json().id);
  if (report.statusCode === 201) ids.set("trackingCode", report.json().trackingCode);
  ids.set("code", desaCode);
  ids.set("desaCode", desaCode);
  ids.set("userId", user.id);
}, 60_000);
afterAll(() => env?.close());

/** "/api/cases/{id}/" in the OpenAPI document is "/api/cases/:id" in the route list. */
function routeOf(openapiPath: string): string {
  return openapiPath.replace(/\{(\w+)\}/g, ":$1").replace(/(.)\/$/, "$1");
}

function operationOf(method: string, path: string): Operation {
  for (const [p, ops] of Object.entries(openapi.paths)) if (routeOf(p) === path && ops[method.toLowerCase()]) return ops[method.toLowerCase()]!;
  return {};
}

function idFor(path: string): string | undefined {
  if (path.startsWith("/api/cases/")) return ids.get("case");
  if (path.startsWith("/api/outreach/sessions/")) return ids.get("outreach");
  if (path.startsWith("/api/volunteers/")) return ids.get("volunteer");
  return undefined;
}

describe("fuzz: hostile input on every route never answers 5xx", () => {
  it("has a schema-derived generator for every registered route, and real records to aim at", () => {
    expect([...ids.keys()]).toEqual(expect.arrayContaining(["case", "outreach", "volunteer", "trackingCode"]));
    const routes = [...new Set(env.app.apiRoutes)];
    const documented = new Set(Object.entries(openapi.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${routeOf(p)}`)));
    // openapi.json itself is hidden from the document; everything else must be described.
    expect(routes.filter((r) => r !== "GET /api/openapi.json" && !documented.has(r))).toEqual([]);
  });

  it("answers every generated request with less than 500", async () => {
    const routes = [...new Set(env.app.apiRoutes)].filter((r) => r !== "GET /api/openapi.json").sort();
    const failures: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(" ") as [string, string];
      const op = operationOf(method, path);
      const params = op.parameters ?? [];
      const routeIds = new Map(ids);
      const own = idFor(path);
      if (own) routeIds.set("id", own);
      const pathArb = fc.record(
        Object.fromEntries(params.filter((p) => p.in === "path").map((p) => [p.name, field(p.name, p.schema ?? {}, routeIds, 0)])),
      );
      const queryArb = fc.record(
        Object.fromEntries(params.filter((p) => p.in === "query").map((p) => [p.name, field(p.name, p.schema ?? {}, routeIds, 0)])),
        { requiredKeys: [] },
      );
      const jsonBody = op.requestBody?.content?.["application/json"]?.schema;
      const bodyArb = jsonBody ? fc.oneof({ weight: 5, arbitrary: valid(jsonBody, routeIds) }, { weight: 1, arbitrary: hostile }) : fc.constant(undefined);
      // A fresh session per route: sign-out and password changes end the sessions they run on.
      const client = await sessionFor(env, user);
      await fc.assert(
        fc.asyncProperty(pathArb, queryArb, bodyArb, async (pathValues, query, body) => {
          const url =
            path.replace(/:(\w+)/g, (_, name: string) => encode(pathValues[name] ?? "x")) +
            (Object.keys(query).length ? `?${Object.entries(query).map(([k, v]) => `${k}=${encode(v)}`).join("&")}` : "");
          const payload = method === "GET" || body === undefined ? undefined : JSON.stringify(body);
          const res = await env.app.inject({
            method: method as "POST",
            url,
            headers: {
              cookie: client.cookie,
              ...(method === "GET" ? {} : { "x-csrf-token": client.csrf }),
              ...(payload === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(payload === undefined ? {} : { payload }),
          });
          if (res.statusCode >= 500) failures.push(`${route} ${url.slice(0, 200)} ${(payload ?? "").slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          return res.statusCode < 500;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      ).catch(() => {});
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
