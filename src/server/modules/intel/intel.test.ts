// Recruiter intelligence: the number 0812-9988-7766 named in two public reports, as a screening's sponsor
// and as a case perpetrator's phone becomes one entity an investigator can open, see as a network and
// watch; the public lookup says "reported 2 times"; nothing identifying is stored in plaintext.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, createAgency, createTestEnv, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { openCase, type Staff, staffEnv } from "../cases/cases.fixtures";
import { IntelSync } from "./intel.sync";
import { trigramSimilarity } from "./intel.service";

const PHONE = "0812-9988-7766";
const ACCOUNT = "BRI 0123 4567 8901";

let env: TestEnv;
let s: Staff;
let officer: Client;
let caseId: string;
let screeningCode: string;

function report(people: unknown[], offerText?: string) {
  return {
    submissionId: randomUUID(),
    category: "suspicious_offer",
    description: "Ada calo menawarkan kerja ke luar negeri dengan gaji besar tanpa pelatihan.",
    people,
    ...(offerText ? { offerText } : {}),
  };
}

async function sync() {
  await new IntelSync(env.ctx).run();
}

beforeAll(async () => {
  ({ env, s } = await staffEnv());
  const kanim = await createAgency(env.ctx, { name: "Kantor Imigrasi" });
  officer = await signedIn(env, { roles: ["interview_officer"], agencyId: kanim.id });
  const pub = anonymous(env.app);
  for (const body of [
    report([{ role: "recruiter", name: "Bang Jali", phones: [PHONE], bankAccounts: [ACCOUNT] }]),
    report([
      { role: "sponsor", name: "Jali", phones: ["+62 812 9988 7766"] },
      { role: "victim", name: "Adik saya", phones: ["0857-1111-2222"] },
    ]),
    report([{ role: "recruiter", name: "Orang lain", phones: ["0813-5555-4444"] }]),
  ]) {
    const res = await pub.request("POST", "/api/public/reports", body);
    expect(res.statusCode, res.body).toBe(201);
  }
  const scr = await officer.request("POST", "/api/screenings", {
    applicant: { name: "Pemohon Uji", sex: "female", ageBand: "21-25" },
    purpose: "tourism",
    sponsor: { name: "Pak Jali", phone: "081299887766" },
    certainty: 3,
    decision: "postpone",
    reasonCode: "purpose_doubtful",
  });
  expect(scr.statusCode, scr.body).toBe(201);
  screeningCode = scr.json().code;
  const c = await openCase(s.owner);
  caseId = c.id;
  const perp = await s.owner.http.request("POST", `/api/cases/${caseId}/persons`, {
    kind: "perpetrator",
    name: "Jali bin Sarman",
    phones: [PHONE],
    companies: ["PT Maju Jaya Abadi"],
  });
  expect(perp.statusCode, perp.body).toBe(201);
  await sync();
});
afterAll(() => env.close());

describe("linking", () => {
  it("links two reports, a screening and a case through one phone number into one entity", async () => {
    const list = await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent("0812 9988 7766")}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const e = list.json().items[0];
    expect(e.records).toEqual({ report: 2, screening: 1, case: 1 });

    const detail = (await s.investigator.http.request("GET", `/api/intel/entities/${e.id}`)).json();
    expect(detail.identifiers.map((i: { kind: string }) => i.kind).sort()).toEqual(["bank_account", "company", "phone"]);
    expect(detail.names).toEqual(expect.arrayContaining(["Bang Jali", "Jali", "Pak Jali", "Jali bin Sarman"]));
    expect(detail.recordList.map((r: { source: string }) => r.source).sort()).toEqual(["case", "report", "report", "screening"]);
    expect(detail.recordList.find((r: { source: string }) => r.source === "screening").code).toBe(screeningCode);
    // A victim's number named in the same report is not intelligence.
    const victim = await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent("0857-1111-2222")}`);
    expect(victim.json().items).toEqual([]);
  });

  it("shows the network and puts the entity on the watchlist, then tells the watcher when it appears again", async () => {
    const e = (await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent(PHONE)}`)).json().items[0];
    const net = (await s.investigator.http.request("GET", `/api/intel/entities/${e.id}/network`)).json();
    expect(net.nodes.filter((n: { type: string }) => n.type === "report")).toHaveLength(2);
    expect(net.nodes.some((n: { type: string }) => n.type === "case")).toBe(true);
    expect(net.nodes.some((n: { type: string }) => n.type === "screening")).toBe(true);
    expect(net.edges.length).toBeGreaterThanOrEqual(net.nodes.length - 1);

    const watched = await s.investigator.http.request("POST", `/api/intel/entities/${e.id}/watch`, {
      watched: true,
      reason: "Calo Kamboja",
    });
    expect(watched.json()).toMatchObject({ watched: true, watchReason: "Calo Kamboja" });
    const onList = (await s.coordinator.http.request("GET", "/api/intel/entities?watched=true"))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(onList).toContain(e.id);

    await anonymous(env.app).request("POST", "/api/public/reports", report([{ role: "recruiter", phones: [PHONE] }]));
    await sync();
    const notes = (await s.investigator.http.request("GET", "/api/notifications")).json().items;
    expect(notes.some((n: { kind: string; resourceId: string }) => n.kind === "intel.watch_hit" && n.resourceId === e.id)).toBe(true);
  });

  it("records judgements: 'same' merges two entities, a split keeps them apart on the next sync", async () => {
    const a = (await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent(PHONE)}`)).json().items[0];
    const b = (await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent("0813-5555-4444")}`)).json().items[0];
    const merged = await s.investigator.http.request("POST", "/api/intel/judgements", {
      entityA: a.id,
      entityB: b.id,
      verdict: "same",
      note: "Nomor kedua milik Jali juga",
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().identifiers.map((i: { value: string }) => i.value)).toContain("0813-5555-4444");
    // The old id now leads to the merged entity.
    expect((await s.investigator.http.request("GET", `/api/intel/entities/${b.id}`)).json().id).toBe(a.id);

    const other = merged.json().identifiers.find((i: { value: string }) => i.value === "0813-5555-4444");
    const split = await s.investigator.http.request("POST", `/api/intel/entities/${a.id}/split`, { identifierIds: [other.id] });
    expect(split.statusCode, split.body).toBe(200);
    // A new report naming both numbers does not glue them back together: an investigator said they differ.
    await anonymous(env.app).request("POST", "/api/public/reports", report([{ role: "recruiter", phones: [PHONE, "0813-5555-4444"] }]));
    await sync();
    const again = (await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent("0813-5555-4444")}`)).json()
      .items[0];
    expect(again.id).toBe(split.json().id);
    const audit = await env.ctx.db.execute(
      sql`SELECT action FROM audit_log WHERE action LIKE 'intel.%' AND actor_user_id = ${s.investigator.user.id}`,
    );
    const actions = ((audit as any).rows ?? audit).map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(["intel.search", "intel.read", "intel.network", "intel.watch", "intel.judge", "intel.split"]),
    );
  });

  it("suggests look-alike names without merging them", () => {
    expect(trigramSimilarity("Bang Jali", "Jali")).toBeGreaterThan(0.45);
    expect(trigramSimilarity("Bang Jali", "Siti Aminah")).toBeLessThan(0.2);
  });
});

describe("access", () => {
  it("answers 404 to every other role, as for an unknown address", async () => {
    const e = (await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent(PHONE)}`)).json().items[0];
    for (const who of [s.owner, s.volunteer, s.pimpasa, s.operator, s.admin, s.auditor]) {
      const res = await who.http.request("GET", `/api/intel/entities/${e.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("route_not_found");
    }
    expect((await officer.request("GET", "/api/intel/entities")).statusCode).toBe(404);
  });
});

describe("public lookup", () => {
  it("says a number named in two or more reports was reported, with the count and nothing else", async () => {
    const pub = anonymous(env.app);
    for (const phones of [["0819-2020-3030"], ["+62 819 2020 3030"], ["0819-4040-5050"]]) {
      expect((await pub.request("POST", "/api/public/reports", report([{ role: "recruiter", phones }]))).statusCode).toBe(201);
    }
    await sync();
    const res = await pub.request("POST", "/api/public/identifier-check", { kind: "phone", value: "6281920203030" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reported: true, count: 2 });
    const once = await pub.request("POST", "/api/public/identifier-check", { kind: "phone", value: "0819-4040-5050" });
    expect(once.json()).toEqual({ reported: false, count: null });
    const bad = await pub.request("POST", "/api/public/identifier-check", { kind: "phone", value: "" });
    expect(bad.statusCode).toBe(400);
    // The job checker says the same about a number in the offer it checks.
    const check = await pub.request("POST", "/api/public/jobcheck", {
      text: "Lowongan kerja di Malaysia, hubungi WA 0819 2020 3030 atau 0819-4040-5050",
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().reportedPhones).toEqual([{ phone: "+6281920203030", count: 2 }]);
  });
});

describe("storage", () => {
  it("holds no identifier, name or watch reason in plaintext", async () => {
    const dump = await env.ctx.db.execute(
      sql`SELECT (SELECT json_agg(i)::text FROM intel_identifiers i) || (SELECT json_agg(m)::text FROM intel_mentions m) || (SELECT json_agg(e)::text FROM intel_entities e) AS j`,
    );
    const text = ((dump as any).rows ?? dump)[0].j as string;
    for (const plain of ["9988", "7766", "0123 4567", "01234567", "Jali", "Maju Jaya", "Calo Kamboja", "5555"])
      expect(text).not.toContain(plain);
  });
});

describe("exchange between two installations", () => {
  it("finds the shared recruiter from tokens alone, and the file carries no number or name", async () => {
    const { exportExchange, matchExchange, exchangeToken } = await import("./intel.exchange");
    const key = Buffer.alloc(32, 7);
    // A second regency with its own database and its own secret key.
    const other = await createTestEnv({ regency: "36.03" });
    try {
      const pub = anonymous(other.app);
      await pub.request("POST", "/api/public/reports", report([{ role: "recruiter", name: "Jali", phones: ["+62 812-9988-7766"] }]));
      await pub.request("POST", "/api/public/reports", report([{ role: "recruiter", name: "Bukan dia", phones: ["0821-0000-9999"] }]));
      await new IntelSync(other.ctx).run();
      const file = await exportExchange(other.ctx, key);
      const text = JSON.stringify(file);
      for (const plain of ["9988", "7766", "Jali", "0821"]) expect(text).not.toContain(plain);
      expect(file.from).toBe("36.03");
      const here = await matchExchange(env.ctx, key, JSON.parse(text));
      const mine = (await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent(PHONE)}`)).json().items[0];
      expect(here.matches).toEqual([{ entityId: mine.id, kinds: ["phone"] }]);
      // Another key finds nothing: tokens mean nothing without the shared key.
      expect((await matchExchange(env.ctx, Buffer.alloc(32, 8), file)).matches).toEqual([]);
      expect(exchangeToken(key, "phone", "0812 9988 7766")).toBe(exchangeToken(key, "phone", "+6281299887766"));
      await expect(matchExchange(env.ctx, key, { format: "something-else" })).rejects.toThrow();
    } finally {
      await other.close();
    }
  });
});

describe("linking soon after a save", () => {
  it("links a new report's recruiter within seconds, without waiting for the scheduled run", async () => {
    const { settleIntelSync } = await import("./intel.sync");
    await anonymous(env.app).request("POST", "/api/public/reports", report([{ role: "recruiter", phones: ["0838-1212-3434"] }]));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await settleIntelSync(env.ctx);
    const found = await s.investigator.http.request("GET", `/api/intel/entities?q=${encodeURIComponent("0838-1212-3434")}`);
    expect(found.json().items).toHaveLength(1);
  });
});
