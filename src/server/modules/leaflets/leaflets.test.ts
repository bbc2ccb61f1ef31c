// Leaflets: A5 pages, QR codes made from this installation's public address, served publicly.
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../../../test/helpers/app";
import { ConfigError, loadConfig } from "../../config";
import { leafletDocument, leafletLinks, leafletPdf, qrCanvas } from "./leaflets.pdf";

const BASE = "https://simpul.example.go.id";

/** Every canvas of a document definition (the QR codes are drawn as canvases). */
function canvases(node: unknown, out: { type: string; x: number; y: number }[][] = []) {
  if (Array.isArray(node)) for (const n of node) canvases(n, out);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.canvas)) out.push(o.canvas as { type: string; x: number; y: number }[]);
    for (const v of Object.values(o)) canvases(v, out);
  }
  return out;
}

describe("leaflets", () => {
  it.each(["waspada-lowongan-palsu", "cara-melapor"] as const)(
    "%s is an A5 PDF linking the job checker and the report form",
    async (name) => {
      const pdf = (await leafletPdf(name, `${BASE}/`)).toString("latin1");
      expect(pdf.startsWith("%PDF-")).toBe(true);
      expect(pdf).toMatch(/\/MediaBox \[0 0 419\.53 595\.28\]/);
      expect(pdf).not.toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/); // not A4
      expect(pdf).toMatch(/\/Type \/Pages\s*\/Count 1\b/); // one sheet
      expect(pdf).toContain(`/URI (${BASE}/cek-lowongan)`);
      expect(pdf).toContain(`/URI (${BASE}/lapor)`);
    },
  );

  it("draws each QR code from the qrcode matrix of its URL", () => {
    const links = leafletLinks(BASE);
    const drawn = canvases(leafletDocument("waspada-lowongan-palsu", BASE).content);
    expect(drawn).toHaveLength(2);
    for (const [i, url] of [links.jobCheck, links.report].entries()) {
      const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
      const dark = [...qr.modules.data].filter(Boolean).length;
      expect(drawn[i]).toHaveLength(dark);
      expect(drawn[i]).toEqual(qrCanvas(url).canvas);
      // Reading the squares back gives the matrix: module (r, c) is dark iff a square sits there.
      const n = qr.modules.size;
      const cell = 80 / (n + 4);
      const seen = new Set(drawn[i]!.map((r) => `${Math.round(r.y / cell) - 2},${Math.round(r.x / cell) - 2}`));
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) expect(seen.has(`${r},${c}`)).toBe(Boolean(qr.modules.data[r * n + c]));
    }
    // Another address gives other codes.
    expect(qrCanvas(leafletLinks("https://other.example").jobCheck).canvas).not.toEqual(drawn[0]);
  });
});

describe("GET /api/public/leaflets/:file", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false, publicUrl: BASE });
  });
  afterAll(async () => {
    await env?.close();
  });

  it("serves the PDF to anyone, with the configured address in it", async () => {
    const res = await env.app.inject({ method: "GET", url: "/api/public/leaflets/cara-melapor.pdf" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.toString("latin1")).toContain(`/URI (${BASE}/lapor)`);
    const again = await env.app.inject({ method: "GET", url: "/api/public/leaflets/cara-melapor.pdf" });
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it("refuses an unknown leaflet with 400", async () => {
    expect((await env.app.inject({ method: "GET", url: "/api/public/leaflets/notulen.pdf" })).statusCode).toBe(400);
  });
});

describe("the public address", () => {
  it("is read from SIMPUL_PUBLIC_URL (http or https, no trailing slash)", () => {
    expect(loadConfig({ SIMPUL_PUBLIC_URL: "https://simpul.example.go.id/" }).publicUrl).toBe(BASE);
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ SIMPUL_PUBLIC_URL: "javascript:alert(1)" })).toThrow(ConfigError);
  });

  it("falls back to the request's own address, and to localhost for a malformed Host", async () => {
    const env = await createTestEnv({ publicRateLimit: false });
    try {
      const own = await env.app.inject({
        method: "GET",
        url: "/api/public/leaflets/cara-melapor.pdf",
        headers: { host: "simpul.local:3000" },
      });
      expect(own.statusCode).toBe(200);
      expect(own.headers["cache-control"]).toBe("no-store");
      expect(own.rawPayload.toString("latin1")).toContain("/URI (http://simpul.local:3000/lapor)");
      const odd = await env.app.inject({
        method: "GET",
        url: "/api/public/leaflets/cara-melapor.pdf",
        headers: { host: "evil.example/x?y" },
      });
      expect(odd.rawPayload.toString("latin1")).toContain("/URI (http://localhost/lapor)");
    } finally {
      await env.close();
    }
  });
});
