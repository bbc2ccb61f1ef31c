import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestEnv, createUser, sessionFor, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { runImportBoundaries } from "../../../cli/commands/import-boundaries";
import { auditLog, regions } from "../../db/schema";

const GEO = path.resolve("../shared/data/geo");
const DESA_GEOJSON = path.join(GEO, "serang-desa.geojson");
const KEC_GEOJSON = path.join(GEO, "serang-kecamatan.geojson");

let env: TestEnv;
let coordinator: Client;
let pimpasa: Client;
let pimpasaId: string;
let operator: Client;
beforeAll(async () => {
  env = await createTestEnv();
  coordinator = await signedIn(env, { roles: ["coordinator"] });
  const p = await createUser(env.ctx, { roles: ["pimpasa"], jurisdiction: ["36.04.12", "36.04.13"] });
  pimpasaId = p.id;
  pimpasa = await sessionFor(env, p);
  operator = await signedIn(env, { roles: ["agency_operator"] });
});
afterAll(() => env.close());

const PONTANG_DESA = "36.04.12.2001";
const OUTSIDE_DESA = "36.04.05.2001"; // Kramatwatu

describe("Desa Binaan designation", () => {
  it("a PIMPASA designates a village in their jurisdiction, with decree, officer and focal point", async () => {
    const res = await pimpasa.request("PATCH", `/api/villages/${PONTANG_DESA}`, {
      status: "active",
      decreeNumber: "W.11.IMI.IMI.1-UM.01.01-1234",
      decreeDate: "2023-09-14",
      designatingOffice: "Kantor Imigrasi Kelas I Non TPI Serang",
      pimpasaUserIds: [pimpasaId],
      focalPoint: { name: "Pak Sekdes", position: "Sekretaris Desa", phone: "0812 3456 7890" },
      population: 5000,
    });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ code: PONTANG_DESA, status: "active", decreeDate: "2023-09-14", population: 5000, kecamatanName: "Pontang" });
    expect(v.pimpasa.map((o: any) => o.id)).toEqual([pimpasaId]);
    expect(v.focalPoint).toEqual({ name: "Pak Sekdes", position: "Sekretaris Desa", phone: "0812 3456 7890", phoneHidden: false });
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, PONTANG_DESA));
    expect(audit.map((a) => a.action)).toContain("village.designate");
    expect(JSON.stringify(audit)).not.toMatch(/3456\D?7890/);
  });

  it("answers 404 when a PIMPASA touches a village outside their jurisdiction, and stores nothing", async () => {
    const res = await pimpasa.request("PATCH", `/api/villages/${OUTSIDE_DESA}`, { status: "active" });
    expect(res.statusCode).toBe(404);
    expect((await pimpasa.request("GET", `/api/villages/${OUTSIDE_DESA}`)).statusCode).toBe(404);
    expect(
      (await pimpasa.request("PUT", `/api/villages/${OUTSIDE_DESA}/indicators/2025`, { figures: { victims: { value: 1 } } })).statusCode,
    ).toBe(404);
    expect((await coordinator.request("GET", `/api/villages/${OUTSIDE_DESA}`)).json().status).toBe("none");
  });

  it("a coordinator designates anywhere; an agency operator may read but not designate", async () => {
    expect((await coordinator.request("PATCH", `/api/villages/${OUTSIDE_DESA}`, { status: "candidate" })).json().status).toBe("candidate");
    expect((await operator.request("PATCH", `/api/villages/${OUTSIDE_DESA}`, { status: "active" })).statusCode).toBe(403);
    const read = await operator.request("GET", `/api/villages/${PONTANG_DESA}`);
    expect(read.statusCode).toBe(200);
    // The focal point's phone is personal data: the operator sees that one exists, not the number.
    expect(read.json().focalPoint).toEqual({ name: "Pak Sekdes", position: "Sekretaris Desa", phone: null, phoneHidden: true });
    expect(read.body).not.toMatch(/3456\D?7890/);
  });

  it("refuses to assign an account that is not a PIMPASA covering the desa", async () => {
    const other = await createUser(env.ctx, { roles: ["pimpasa"], jurisdiction: ["36.04.05"] });
    const res = await coordinator.request("PATCH", `/api/villages/${PONTANG_DESA}`, { pimpasaUserIds: [pimpasaId, other.id] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["pimpasaUserIds.1"]);
  });

  it("lists only the desa of the caller's jurisdiction, with filters", async () => {
    const mine = (await pimpasa.request("GET", "/api/villages")).json().items;
    expect(mine).toHaveLength(25);
    const all = (await coordinator.request("GET", "/api/villages")).json().items;
    expect(all).toHaveLength(326);
    const active = (await coordinator.request("GET", "/api/villages?status=active")).json().items;
    expect(active.map((v: any) => v.code)).toEqual([PONTANG_DESA]);
    expect((await coordinator.request("GET", "/api/villages?kecamatan=36.04.13")).json().items).toHaveLength(14);
  });

  it("pages the list with the total, so 326 desa never arrive at once", async () => {
    const first = (await coordinator.request("GET", "/api/villages?limit=50")).json();
    expect(first.total).toBe(326);
    expect(first.items).toHaveLength(50);
    const last = (await coordinator.request("GET", "/api/villages?limit=50&offset=300")).json();
    expect(last.items).toHaveLength(26);
    const all = (await coordinator.request("GET", "/api/villages")).json().items.map((v: any) => v.code);
    expect(last.items.map((v: any) => v.code)).toEqual(all.slice(300));
    const filtered = (await coordinator.request("GET", "/api/villages?kecamatan=36.04.13&limit=5")).json();
    expect(filtered).toMatchObject({ total: 14 });
    expect(filtered.items).toHaveLength(5);
    expect((await coordinator.request("GET", "/api/villages?limit=0")).statusCode).toBe(400);
  });
});

describe("indicators and risk", () => {
  it("records figures per period with sources and explains the risk level with every input", async () => {
    const put = await pimpasa.request("PUT", `/api/villages/${PONTANG_DESA}/indicators/2025`, {
      figures: {
        nonProceduralDepartures: { value: 12, source: "Catatan PIMPASA" },
        victims: { value: 3, source: "UPTD PPA" },
        residentsAbroad: { value: 140, source: "Data desa" },
      },
    });
    expect(put.statusCode).toBe(200);
    await pimpasa.request("PUT", `/api/villages/${PONTANG_DESA}/indicators/2024`, {
      figures: { nonProceduralDepartures: { value: 2, source: "Catatan PIMPASA" } },
    });
    const v = (await operator.request("GET", `/api/villages/${PONTANG_DESA}`)).json();
    expect(v.risk).toMatchObject({
      level: "high",
      period: "2025",
      reason: "Tinggi karena 12 keberangkatan non-prosedural dan 3 korban pada 2025",
    });
    expect(v.risk.inputs).toEqual({
      residentsAbroad: 140,
      nonProceduralDepartures: 12,
      victims: 3,
      passportPostponements: null,
      reportsReceived: null,
    });
    expect(v.indicators.map((i: any) => i.period)).toEqual(["2025", "2024"]);
    expect(v.indicators[0].figures.victims).toEqual({ value: 3, source: "UPTD PPA" });
    expect(v.indicators[1].risk.level).toBe("low");
    expect(v.riskRule).toMatch(/^Tinggi: ada ≥1 korban/);
    const high = (await coordinator.request("GET", "/api/villages?risk=high")).json().items;
    expect(high.map((x: any) => x.code)).toEqual([PONTANG_DESA]);
  });

  it("rejects a malformed period", async () => {
    const res = await pimpasa.request("PUT", `/api/villages/${PONTANG_DESA}/indicators/2025-S3`, { figures: {} });
    expect(res.statusCode).toBe(400);
  });
});

describe("map data and boundary import", () => {
  it("without boundaries answers rows and how to import them", async () => {
    const res = await coordinator.request("GET", "/api/villages/map?level=desa&metric=risk");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.boundaries).toBe(false);
    expect(body.howToImport).toContain("npx simpul import boundaries");
    expect(body.rows).toHaveLength(326);
    expect(body.rows.find((r: any) => r.code === PONTANG_DESA)).toMatchObject({ value: "high", category: "high" });
    const kec = (await pimpasa.request("GET", "/api/villages/map?level=kecamatan&metric=status")).json();
    expect(kec.rows.map((r: any) => r.code).sort()).toEqual(["36.04.12", "36.04.13"]);
    expect(kec.rows.find((r: any) => r.code === "36.04.12")).toMatchObject({ category: "active", value: 1 });
  });

  it.skipIf(!fs.existsSync(DESA_GEOJSON))(
    "imports the 326 desa of the shared file, reports unmatched features, and serves GeoJSON",
    async () => {
      const lines: string[] = [];
      const report = await runImportBoundaries(
        env.ctx,
        DESA_GEOJSON,
        { level: "desa" },
        (l) => lines.push(l),
        () => {},
      );
      expect(report).toMatchObject({ features: 326, matched: 326 });
      expect(report.unmatched).toEqual([]);
      const [{ n }] = (await env.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(regions)
        .where(sql`level = 'desa' AND boundary IS NOT NULL`)) as [{ n: number }];
      expect(n).toBe(326);

      // The kecamatan file at --level desa matches nothing, and says why.
      const wrong = await runImportBoundaries(
        env.ctx,
        KEC_GEOJSON,
        { level: "desa" },
        () => {},
        () => {},
      );
      expect(wrong.matched).toBe(0);
      expect(wrong.unmatched).toHaveLength(29);
      expect(wrong.unmatched[0]!.reason).toContain("bukan tingkat desa");

      const res = await coordinator.request("GET", "/api/villages/map?level=desa&metric=coverage");
      const fc = res.json();
      expect(fc.type).toBe("FeatureCollection");
      expect(fc.features).toHaveLength(326);
      expect(fc.missing).toEqual([]);
      const f = fc.features.find((x: any) => x.properties.code === PONTANG_DESA);
      expect(f.geometry.type).toMatch(/Polygon/);
      expect(f.properties).toMatchObject({ category: "never", value: 0 });
      expect(f.properties.label).toContain("belum pernah dijangkau");

      // Kecamatan boundaries are a separate import; until then the kecamatan map is a table.
      expect((await coordinator.request("GET", "/api/villages/map?level=kecamatan&metric=risk")).json().boundaries).toBe(false);
      const kec = await runImportBoundaries(
        env.ctx,
        KEC_GEOJSON,
        { level: "kecamatan" },
        () => {},
        () => {},
      );
      expect(kec.matched).toBe(29);
      const kmap = (await pimpasa.request("GET", "/api/villages/map?level=kecamatan&metric=risk")).json();
      expect(kmap.features.map((x: any) => x.properties.code).sort()).toEqual(["36.04.12", "36.04.13"]);
      expect(kmap.features.find((x: any) => x.properties.code === "36.04.12").properties.category).toBe("high");
    },
  );

  it.skipIf(!fs.existsSync(DESA_GEOJSON))("reports features whose code matches no region", async () => {
    const file = path.join(env.ctx.config.dataDir, "bad.geojson");
    const poly = {
      type: "Polygon",
      coordinates: [
        [
          [106, -6],
          [106.1, -6],
          [106.1, -6.1],
          [106, -6],
        ],
      ],
    };
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: { kode: "3604122001" }, geometry: poly },
          { type: "Feature", properties: { kode: "36.04.99.9999" }, geometry: poly },
          { type: "Feature", properties: { nama: "tanpa kode" }, geometry: poly },
        ],
      }),
    );
    const report = await runImportBoundaries(
      env.ctx,
      file,
      { property: "kode" },
      () => {},
      () => {},
    );
    expect(report.matched).toBe(1);
    expect(report.unmatched.map((u) => [u.index, u.code])).toEqual([
      [1, "36.04.99.9999"],
      [2, null],
    ]);
  });
});
