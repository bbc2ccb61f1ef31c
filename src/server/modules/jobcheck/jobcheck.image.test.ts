import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { anonymous, createTestEnv, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { publicReports } from "../reports/reports.tables";
import { renderFlyerPng } from "../../lib/ocr/flyer.fixtures";
import { tinyPdf } from "../../lib/uploads/attachments.fixtures";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const send = (payload: Buffer | string, type = "application/octet-stream", e = env) =>
  e.app.inject({ method: "POST", url: "/api/public/jobcheck/image", headers: { "content-type": type }, payload });

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

describe("POST /api/public/jobcheck/image", () => {
  it("reads a flyer, repairs its phone number and answers the checker's verdict, storing nothing", async () => {
    const before = filesUnder(env.ctx.config.dataDir);
    const res = await send(await renderFlyerPng(), "image/png");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.text).toMatch(/Kamboja/);
    expect(body.text).toContain("081234567890");
    expect(body.entities.phones).toEqual(["+6281234567890"]);
    expect(body.level).toBe("tinggi");
    expect(body.flags.map((f: { code: string }) => f.code)).toContain("tourist_visa");
    expect(body.confidence).toBeGreaterThan(50);
    expect(filesUnder(env.ctx.config.dataDir)).toEqual(before);
  });

  it("refuses what is not a JPEG, PNG or WebP, whatever the content type says", async () => {
    for (const [payload, type] of [
      [Buffer.from("%PDF-1.4\n%fake"), "application/pdf"],
      [Buffer.from("GIF89a...."), "image/png"],
      [Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), "image/jpeg"],
    ] as const) {
      const res = await send(payload, type);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ image: "Kirim foto (JPEG, PNG atau WebP)." });
    }
    expect((await send("kerja di Kamboja", "text/plain")).statusCode).toBe(400);
  });

  it("says so when the image holds no readable text", async () => {
    const blank = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    const res = await send(blank, "image/png");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.image).toMatch(/Tidak ada tulisan/);
  });

  it("refuses images over 5 MB", async () => {
    const res = await send(
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5 * 1024 * 1024)]),
      "image/png",
    );
    expect(res.statusCode).toBe(413);
  });

  it("has a stricter per-client quota than the text check", async () => {
    const limited = await createTestEnv({ publicChecksPerMinute: 12 });
    try {
      const junk = Buffer.from("not an image");
      expect((await send(junk, "application/octet-stream", limited)).statusCode).toBe(400);
      expect((await send(junk, "application/octet-stream", limited)).statusCode).toBe(400);
      const over = await send(junk, "application/octet-stream", limited);
      expect(over.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("GET /api/reports/:id/attachments/:attachmentId/text", () => {
  it("gives staff the repaired text of an image attachment and refuses PDFs", async () => {
    const upload = (payload: Buffer) =>
      env.app.inject({
        method: "POST",
        url: "/api/public/reports/attachments",
        headers: { "content-type": "application/octet-stream" },
        payload,
      });
    const image = (await upload(await renderFlyerPng())).json();
    const pdf = (await upload(tinyPdf())).json();
    const created = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "suspicious_offer",
      description: "Brosur lowongan terlampir.",
      attachments: [image.attachmentId, pdf.attachmentId],
    });
    expect(created.statusCode).toBe(201);
    const [r] = await env.ctx.db
      .select({ id: publicReports.id })
      .from(publicReports)
      .where(eq(publicReports.trackingCode, created.json().trackingCode.replace("-", "")));
    const coordinator = await signedIn(env, { roles: ["coordinator"] });
    const res = await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${image.attachmentId}/text`);
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toContain("081234567890");
    expect(res.json().text).toMatch(/Kamboja/);
    expect((await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${pdf.attachmentId}/text`)).statusCode).toBe(400);
    expect((await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${randomUUID()}/text`)).statusCode).toBe(404);
  });
});
