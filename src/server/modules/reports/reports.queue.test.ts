// The queue and the agency inbox show each forwarded report's response deadline and whether it is
// overdue, and count its attachments: the list's per-report figures come from that report's rows.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, createAgency, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { publicReports, reportForwards } from "./reports.tables";

let env: TestEnv;
let coordinator: Client;
let operator: Client;
let agency: { id: string };

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
  agency = await createAgency(env.ctx, { name: "Disnaker Uji Tenggat" });
  operator = await sessionFor(env, await createUser(env.ctx, { roles: ["agency_operator"], agencyId: agency.id }));
});
afterAll(() => env.close());

/** A public report as submitted (status received); its id. */
async function submitted(description: string): Promise<string> {
  const res = await anonymous(env.app).request("POST", "/api/public/reports", {
    submissionId: randomUUID(),
    category: "suspicious_offer",
    description,
  });
  const code = res.json().trackingCode.replace("-", "");
  const [row] = await env.ctx.db.select({ id: publicReports.id }).from(publicReports).where(eq(publicReports.trackingCode, code));
  return row!.id;
}

async function forwardedReport(): Promise<{ id: string; due: string }> {
  const id = await submitted("Tawaran kerja di kapal ikan tanpa kontrak.");
  expect((await coordinator.request("POST", `/api/reports/${id}/verify`, {})).statusCode).toBe(200);
  const fw = await coordinator.request("POST", `/api/reports/${id}/forward`, {
    agencyIds: [agency.id],
    instruction: "Mohon periksa.",
    shareContact: false,
  });
  expect(fw.statusCode).toBe(200);
  return { id, due: fw.json().forwards[0].responseDueAt };
}

const rowOf = async (client: Client, url: string, id: string) => {
  const res = await client.request("GET", url);
  expect(res.statusCode).toBe(200);
  return res.json().items.find((item: { id: string }) => item.id === id);
};

describe("forwarded reports in the lists", () => {
  it("show the agency's response deadline in the queue and the inbox", async () => {
    const { id, due } = await forwardedReport();
    for (const [client, url] of [
      [coordinator, "/api/reports?status=forwarded"],
      [operator, "/api/reports/inbox"],
    ] as const) {
      const row = await rowOf(client, url, id);
      expect(row).toMatchObject({ status: "forwarded", nextDueAt: due, overdue: false });
    }
  });

  it("mark the report overdue once the response deadline has passed", async () => {
    const { id } = await forwardedReport();
    const past = new Date(Date.now() - 86_400_000);
    await env.ctx.db.update(reportForwards).set({ responseDueAt: past }).where(eq(reportForwards.reportId, id));
    for (const [client, url] of [
      [coordinator, "/api/reports?overdue=true"],
      [operator, "/api/reports/inbox?overdue=true"],
    ] as const) {
      const row = await rowOf(client, url, id);
      expect(row).toMatchObject({ overdue: true, nextDueAt: past.toISOString() });
    }
  });

  it("drop the deadline once the agency has answered", async () => {
    const { id } = await forwardedReport();
    expect((await operator.request("POST", `/api/reports/${id}/responses`, { publicNote: "Sedang kami periksa." })).statusCode).toBe(200);
    expect(await rowOf(coordinator, "/api/reports?status=in_handling", id)).toMatchObject({ nextDueAt: null, overdue: false });
  });

  it("keep the earliest deadline still open, whoever writes the rows", async () => {
    const { id } = await forwardedReport();
    const other = await createAgency(env.ctx, { name: "Dinsos Uji Tenggat" });
    await env.ctx.db.insert(reportForwards).values({
      tenant: env.ctx.config.regency,
      reportId: id,
      agencyId: other.id,
      instruction: "Mohon dampingi keluarga.",
      responseDueAt: new Date(Date.now() - 3_600_000),
    });
    const early = await rowOf(coordinator, "/api/reports?overdue=true", id);
    expect(early).toMatchObject({ overdue: true });
    // The first agency answers; the second, past its deadline, has not: still overdue.
    expect((await operator.request("POST", `/api/reports/${id}/responses`, { publicNote: "Sedang kami periksa." })).statusCode).toBe(200);
    expect(await rowOf(coordinator, "/api/reports?overdue=true", id)).toMatchObject({ nextDueAt: early.nextDueAt, overdue: true });
    // A write of the column itself is recomputed, not trusted.
    await env.ctx.db.update(publicReports).set({ nextDueAt: null }).where(eq(publicReports.id, id));
    expect(await rowOf(coordinator, "/api/reports?overdue=true", id)).toMatchObject({ nextDueAt: early.nextDueAt });
    // The second agency's forward withdrawn: nothing is pending any more.
    await env.ctx.db.delete(reportForwards).where(eq(reportForwards.agencyId, other.id));
    expect(await rowOf(coordinator, "/api/reports", id)).toMatchObject({ nextDueAt: null, overdue: false });
  });

  it("count a received report as overdue from its verification deadline until it is rejected", async () => {
    const id = await submitted("Lowongan kerja ke luar negeri lewat calo desa.");
    const past = new Date(Date.now() - 60_000);
    await env.ctx.db.update(publicReports).set({ verifyDueAt: past }).where(eq(publicReports.id, id));
    expect(await rowOf(coordinator, "/api/reports?overdue=true", id)).toMatchObject({ nextDueAt: past.toISOString(), overdue: true });
    await env.ctx.db.update(publicReports).set({ status: "rejected" }).where(eq(publicReports.id, id));
    expect(await rowOf(coordinator, "/api/reports", id)).toMatchObject({ nextDueAt: null, overdue: false });
  });
});
