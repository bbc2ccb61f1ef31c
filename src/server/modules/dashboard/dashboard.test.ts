// The console home: each role gets only its sections, each section is scoped like its list, and every
// number equals the count of the list it links to (that list's API called with the figure's own filters).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAgency,
  createTestEnv,
  type SignedIn,
  signedIn,
  signedInCast,
  type TestEnv,
} from "../../../../test/helpers/app";
import { seedDashboard, desaOf } from "./dashboard.fixtures";
import { DASHBOARD_LISTS, type Dashboard, type Figure } from "./dashboard.schema";

let env: TestEnv;
let agencyA: { id: string };
let agencyB: { id: string };
let who: Record<"coordinator" | "opA" | "opB" | "volunteer" | "pimpasa", SignedIn>;

beforeAll(async () => {
  env = await createTestEnv();
  const tenant = env.ctx.config.regency;
  agencyA = await createAgency(env.ctx, { name: "Disnakertrans Uji" });
  agencyB = await createAgency(env.ctx, { name: "Dinas Sosial Uji" });
  const desa = await desaOf(env.ctx.db, tenant, 60);
  // A PIMPASA officer for the kecamatan of the first desa: part of the regency, not all of it.
  const pimpasaArea = desa[0]!.split(".").slice(0, 3).join(".");
  who = await signedInCast(env, {
    coordinator: { roles: ["coordinator"], agencyId: agencyA.id },
    opA: { roles: ["agency_operator"], agencyId: agencyA.id },
    opB: { roles: ["agency_operator"], agencyId: agencyB.id },
    volunteer: { roles: ["volunteer"] },
    pimpasa: { roles: ["pimpasa"], jurisdiction: [pimpasaArea] },
  });
  await seedDashboard(env.ctx.db, {
    tenant,
    now: new Date(),
    reports: 240,
    cases: 40,
    sessions: 150,
    actionItems: 24,
    desa,
    agencyIds: [agencyA.id, agencyB.id],
    recorderIds: [who.volunteer.user.id, who.coordinator.user.id, who.pimpasa.user.id],
    staffId: who.coordinator.user.id,
  });
});
afterAll(() => env.close());

async function dashboard(c: Client): Promise<Dashboard> {
  const res = await c.request("GET", "/api/dashboard");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every figure in the answer, with where it sits. */
function figuresOf(value: unknown, path = ""): [string, Figure][] {
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  if (typeof o.value === "number" && typeof o.list === "string" && o.filter) return [[path, o as unknown as Figure]];
  return Object.entries(o).flatMap(([k, v]) => figuresOf(v, path ? `${path}.${k}` : k));
}

/** How many rows the figure's list shows with the figure's filters (its total, or its items when it has none). */
async function listCount(c: Client, f: Figure): Promise<number> {
  const limit = {
    reports: "200",
    inbox: "200",
    cases: "200",
    villages: "500",
    sessions: "500",
    actionItems: undefined,
    overdueCaseItems: undefined,
  }[f.list];
  const q = new URLSearchParams({ ...f.filter, ...(limit ? { limit } : {}) });
  const res = await c.request("GET", `${DASHBOARD_LISTS[f.list]}?${q}`);
  expect(res.statusCode, `${f.list} ${q}: ${res.body}`).toBe(200);
  const body = res.json() as { total?: number; items: { attendanceTotals?: { total: number } }[] };
  if (body.total === undefined || f.sum) expect(body.items.length, "the list must not be cut").toBeLessThan(Number(limit ?? 500));
  if (f.sum === "attendanceTotals.total") return body.items.reduce((n, i) => n + i.attendanceTotals!.total, 0);
  return body.total ?? body.items.length;
}

async function expectNumbersMatchLists(c: Client, d: Dashboard) {
  const figures = figuresOf(d);
  expect(figures.length).toBeGreaterThan(3);
  for (const [path, f] of figures) expect(await listCount(c, f), path).toBe(f.value);
}

describe("GET /api/dashboard", () => {
  it("coordinator: funnel, overdue reports, cases (counts), villages, outreach and action items, each equal to its list", async () => {
    const d = await dashboard(who.coordinator.http);
    expect(d.sections).toEqual(["reports", "cases", "villages", "outreach", "actionItems"]);
    expect(d.inbox).toBeUndefined();
    // The seed puts rows in every one of these, so the comparison below is never 0 = 0 only.
    for (const s of ["received", "verified", "forwarded", "in_handling"] as const) expect(d.reports!.byStatus[s].value).toBeGreaterThan(0);
    expect(d.reports!.overdue.value).toBeGreaterThan(0);
    expect(d.reports!.overdue.value).toBeLessThan(d.reports!.open.value);
    expect(d.actionItems!.overdue.value).toBeGreaterThan(0);
    expect(d.villages!.neverReached.value).toBeGreaterThan(0);
    expect(d.villages!.notReachedRecently.value).toBeGreaterThanOrEqual(d.villages!.neverReached.value);
    expect(d.cases!.total.value).toBe(40);
    expect(d.cases!.overdueReferrals.value + d.cases!.overdueServices.value).toBeGreaterThan(0);
    // Aggregates only: no case code, id or person leaves in the case section.
    expect(JSON.stringify(d.cases)).not.toMatch(/KS-|"id"/);
    await expectNumbersMatchLists(who.coordinator.http, d);
  });

  it("agency operator: only its agency's inbox and action items", async () => {
    const a = await dashboard(who.opA.http);
    const b = await dashboard(who.opB.http);
    expect(a.sections).toEqual(["inbox", "actionItems"]);
    expect(a.reports ?? a.cases ?? a.villages ?? a.outreach).toBeUndefined();
    const coordinatorView = await dashboard(who.coordinator.http);
    // Each forwarded report went to exactly one agency: the two inboxes split the coordinator's forwarded reports.
    for (const s of ["forwarded", "in_handling", "closed"] as const) {
      expect(a.inbox!.byStatus[s].value).toBeGreaterThan(0);
      expect(a.inbox!.byStatus[s].value + b.inbox!.byStatus[s].value).toBe(coordinatorView.reports!.byStatus[s].value);
    }
    expect(a.inbox!.byStatus.received.value).toBe(0);
    expect(a.actionItems!.byStatus.open.value + b.actionItems!.byStatus.open.value).toBe(coordinatorView.actionItems!.byStatus.open.value);
    await expectNumbersMatchLists(who.opA.http, a);

    // A newly overdue report forwarded to agency B counts for B only.
    const tenant = env.ctx.config.regency;
    await env.ctx.db.execute(sql`
      WITH r AS (INSERT INTO public_reports (tenant, tracking_code, submission_hash, pin_hash, category, description, status, received_at, verify_due_at)
                 VALUES (${tenant}, 'ZZOVERDUE1', 'extra-1', 'x', 'other', 'Laporan tambahan', 'forwarded', now() - interval '20 days', now() - interval '17 days')
                 RETURNING id)
      INSERT INTO report_forwards (tenant, report_id, agency_id, instruction, response_due_at) SELECT ${tenant}, id, ${agencyB.id}, 'Mohon', now() - interval '1 day' FROM r`);
    expect((await dashboard(who.opA.http)).inbox!.overdue.value).toBe(a.inbox!.overdue.value);
    expect((await dashboard(who.opB.http)).inbox!.overdue.value).toBe(b.inbox!.overdue.value + 1);
  });

  it("PIMPASA: its villages and the sessions in its area", async () => {
    const d = await dashboard(who.pimpasa.http);
    expect(d.sections).toEqual(["villages", "outreach"]);
    const all = await dashboard(who.coordinator.http);
    expect(d.villages!.desa.value).toBeGreaterThan(0);
    expect(d.villages!.desa.value).toBeLessThan(all.villages!.desa.value);
    expect(d.outreach!.byStatus.held.value).toBeLessThan(all.outreach!.byStatus.held.value);
    await expectNumbersMatchLists(who.pimpasa.http, d);
  });

  it("volunteer: its own sessions, never report or case figures", async () => {
    const d = await dashboard(who.volunteer.http);
    expect(d.sections).toEqual(["mySessions"]);
    expect(d.cases ?? d.reports ?? d.inbox ?? d.villages ?? d.outreach ?? d.actionItems).toBeUndefined();
    const own = await env.ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM outreach_sessions WHERE recorded_by = ${who.volunteer.user.id} AND status = 'held'
          AND starts_at >= ${`${d.mySessions!.period.from}T00:00:00+07:00`}::timestamptz`,
    );
    const n = ((own as { rows?: { n: number }[] }).rows ?? (own as unknown as { n: number }[]))[0]!.n;
    expect(d.mySessions!.byStatus.held.value).toBe(n);
    expect(d.mySessions!.byStatus.held.value).toBeGreaterThan(0);
    await expectNumbersMatchLists(who.volunteer.http, d);
  });

  it("a role without a section is refused", async () => {
    const cm = await signedIn(env, { roles: ["case_manager"], agencyId: agencyA.id });
    expect((await cm.request("GET", "/api/dashboard")).statusCode).toBe(403);
  });
});
