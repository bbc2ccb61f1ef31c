import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { instrumentJobs } from "./metrics";

const TOKEN = "metrics-token-for-tests-0123456789";
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ metricsToken: TOKEN });
});
afterAll(() => env.close());

const scrape = (headers: Record<string, string> = {}) => env.app.inject({ method: "GET", url: "/metrics", headers });

describe("/metrics", () => {
  it("refuses anonymous callers, wrong tokens and signed-in non-admins", async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape({ authorization: "Bearer not-the-token-at-all-000000" })).statusCode).toBe(401);
    const coordinator = await signedIn(env, { roles: ["coordinator"] });
    expect((await coordinator.request("GET", "/metrics")).statusCode).toBe(401);
  });

  it("counts requests per route pattern (never the raw URL) for the scraper's token and an admin", async () => {
    await anonymous(env.app).request("GET", "/api/regions/36.04");
    await instrumentJobs([{ name: "test.job", intervalMs: 1000, run: async () => {} }])[0]!.run(new Date());
    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/plain/);
    expect(res.body).toMatch(/simpul_http_requests_total\{method="GET",route="\/api\/regions\/:code",status="\d+"\} 1/);
    expect(res.body).not.toContain("36.04");
    expect(res.body).toMatch(/simpul_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/api\/regions\/:code"\}/);
    expect(res.body).toContain('simpul_job_runs_total{job="test.job",outcome="ok"}');
    expect(res.body).toContain("simpul_process_cpu_seconds_total");
    const admin = await signedIn(env, { roles: ["admin"] });
    expect((await admin.request("GET", "/metrics")).statusCode).toBe(200);
  });
});
