import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, type TestEnv } from "../../../../test/helpers/app";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe("regions API", () => {
  it("lists the 29 kecamatan of Kabupaten Serang", async () => {
    const res = await anonymous(env.app).request("GET", "/api/regions/36.04/children");
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(29);
    expect(items.every((r: any) => r.level === "kecamatan" && r.parentCode === "36.04")).toBe(true);
    expect(items.map((r: any) => r.name)).toContain("Pontang");
  });

  it("lists the 11 desa of Pontang and the 14 of Tirtayasa", async () => {
    const pontang = await anonymous(env.app).request("GET", "/api/regions/36.04.12/children");
    expect(pontang.json().items).toHaveLength(11);
    const tirtayasa = await anonymous(env.app).request("GET", "/api/regions/36.04.13/children");
    expect(tirtayasa.json().items).toHaveLength(14);
  });

  it("answers 404 with a clear message for an unknown code", async () => {
    const res = await anonymous(env.app).request("GET", "/api/regions/36.99/children");
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: "region_not_found", message: "Kode wilayah tidak dikenal." });
  });

  it("answers 400 for a malformed code, in English when asked", async () => {
    const res = await anonymous(env.app).request("GET", "/api/regions/banten/children", undefined, { "accept-language": "en-US,en;q=0.9" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.fields.code).toBe("Unknown region code.");
  });

  it("finds a kecamatan by name, and by a misspelt name", async () => {
    const exact = await anonymous(env.app).request("GET", "/api/regions?q=tirtayasa&level=kecamatan");
    expect(exact.json().items[0]).toMatchObject({ code: "36.04.13", name: "Tirtayasa" });
    const typo = await anonymous(env.app).request("GET", "/api/regions?q=tirtayas&within=36.04");
    expect(typo.json().items.map((r: any) => r.code)).toContain("36.04.13");
  });

  it("rejects a search shorter than two characters with a field message", async () => {
    const res = await anonymous(env.app).request("GET", "/api/regions?q=a");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.q).toMatch(/pendek|Wajib/);
  });
});
