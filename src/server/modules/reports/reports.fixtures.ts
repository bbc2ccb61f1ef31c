// Test fixtures for public reports: uploading an attachment, filing a report through the public API,
// and a report a coordinator has verified (and optionally forwarded to an agency).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { anonymous, type Client, createAgency, createTestEnv, signedInCast, type TestEnv } from "../../../../test/helpers/app";
import { jpegWithExif } from "../../lib/uploads/attachments.fixtures";
import { publicReports } from "./reports.tables";

/** `POST /api/public/reports/attachments` with raw bytes, as the public form sends them. */
export const uploadAttachment = (
  env: TestEnv,
  body: Buffer,
  headers: Record<string, string> = { "content-type": "application/octet-stream" },
) => env.app.inject({ method: "POST", url: "/api/public/reports/attachments", headers, payload: body });

/** Files a public report (a fresh submission id) and checks it was accepted; its id, tracking code and PIN. */
export async function fileReport(env: TestEnv, body: Record<string, unknown>) {
  const res = await anonymous(env.app).request("POST", "/api/public/reports", { submissionId: randomUUID(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  const { trackingCode, pin } = res.json() as { trackingCode: string; pin: string };
  const [r] = await env.ctx.db
    .select({ id: publicReports.id })
    .from(publicReports)
    .where(eq(publicReports.trackingCode, trackingCode.replace("-", "")));
  return { id: r!.id, trackingCode, pin };
}

/** A public report carrying one uploaded JPEG (with EXIF metadata); the upload's answer and the report. */
export async function reportWithJpeg(env: TestEnv, description: string) {
  const upload = (await uploadAttachment(env, jpegWithExif(), { "content-type": "image/jpeg" })).json();
  const report = await fileReport(env, { category: "suspicious_offer", description, attachments: [upload.attachmentId] });
  return { upload, report };
}

/** Files a report, has `coordinator` verify it (unless verify is false) and forward it to `forwardTo`. */
export async function verifiedReport(
  env: TestEnv,
  coordinator: Client,
  body: Record<string, unknown>,
  opts: { verify?: boolean; forwardTo?: string; shareContact?: boolean } = {},
) {
  const report = await fileReport(env, body);
  if (opts.verify !== false) expect((await coordinator.request("POST", `/api/reports/${report.id}/verify`, {})).statusCode).toBe(200);
  if (opts.forwardTo)
    expect(
      (
        await coordinator.request("POST", `/api/reports/${report.id}/forward`, {
          agencyIds: [opts.forwardTo],
          instruction: "Mohon ditangani.",
          shareContact: opts.shareContact ?? false,
        })
      ).statusCode,
    ).toBe(200);
  return report;
}

/** The people of the tests where reports and cases meet: agency A (a UPTD PPA) that reports are forwarded to,
 *  coordinators of the whole regency, of Pontang and of Tirtayasa, an operator of agency A, an operator of
 *  agency A who is also a case manager, a case manager of agency A (handles no reports), and a volunteer. */
export async function reportCaseStaff(env: TestEnv) {
  const agencyA = await createAgency(env.ctx, { name: "UPTD PPA Kabupaten Serang" });
  const cast = await signedInCast(env, {
    coordinator: { roles: ["coordinator"] },
    pontangCoordinator: { roles: ["coordinator"], jurisdiction: ["36.04.12"] },
    tirtayasaCoordinator: { roles: ["coordinator"], jurisdiction: ["36.04.13"] },
    operator: { roles: ["agency_operator"], agencyId: agencyA.id },
    dual: { roles: ["agency_operator", "case_manager"], agencyId: agencyA.id },
    caseManager: { roles: ["case_manager"], agencyId: agencyA.id },
    volunteer: { roles: ["volunteer"] },
  });
  return { agencyA, ...cast };
}
export type ReportCaseStaff = Awaited<ReturnType<typeof reportCaseStaff>>;

/** A fresh test environment (public rate limit off) with the report and case staff. */
export async function reportCaseEnv(): Promise<{ env: TestEnv; s: ReportCaseStaff }> {
  const env = await createTestEnv({ publicRateLimit: false });
  return { env, s: await reportCaseStaff(env) };
}
