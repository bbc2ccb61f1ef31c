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

async function forwardedReport(): Promise<{ id: string; due: string }> {
  const res = await anonymous(env.app).request("POST", "/api/public/reports", {
    submissionId: randomUUID(),
    category: "suspicious_offer",
    description: "Tawaran kerja di kapal ikan tanpa kontrak.",
  });
  const code = res.json().trackingCode.replace("-", "");
  const [row] = await env.ctx.db.select({ id: publicReports.id }).from(publicReports).where(eq(publicReports.trackingCode, code));
  const id = row!.id;
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
});
