/**
 * Seeds a migrated database for the dashboard benchmark: the regency's regions (Banten only), two
 * agencies, one account per dashboard role (coordinator, agency operator, PIMPASA, volunteer) with a
 * session each, then 100,000 reports, 10,000 cases, 50,000 outreach sessions and 500 action items by
 * INSERT … SELECT generate_series (src/server/modules/dashboard/dashboard.fixtures.ts), then VACUUM ANALYZE.
 *
 * As a script: tsx bench/dashboard-seed.ts postgres://postgres@127.0.0.1:5432/<database> (migrates it first).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Role } from "../src/core/roles";
import type { AppContext } from "../src/server/context";
import { type Database, openDatabase } from "../src/server/db/client";
import { agencies, sessions, users } from "../src/server/db/schema";
import { encrypt, loadKeyRing, randomToken, sha256Hex } from "../src/server/lib/crypto";
import { DEFAULT_DB_TIMEOUTS, loadConfig } from "../src/server/config";
import { desaOf, seedDashboard } from "../src/server/modules/dashboard/dashboard.fixtures";
import { loadRegions, readRegionRows } from "../src/server/seed/regions";

export const SIZES = { reports: 100_000, cases: 10_000, sessions: 50_000, actionItems: 500 };

export type SeededRole = "coordinator" | "agency_operator" | "pimpasa" | "volunteer";

/** Loads the regions when the database has none (Banten: the regency and its neighbours). */
export async function ensureRegions(database: Database): Promise<void> {
  const [{ n }] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM regions`)).rows as [{ n: number }];
  if (n === 0) await loadRegions(database, readRegionRows("36"));
}

/** Seeds everything; returns a session cookie per role. */
export async function seedForDashboard(
  database: Database,
  ctx: Pick<AppContext, "config" | "keys">,
  sizes = SIZES,
): Promise<Record<SeededRole, string>> {
  const db = database.db;
  const tenant = ctx.config.regency;
  await ensureRegions(database);
  const [a, b] = await db
    .insert(agencies)
    .values([
      { tenant, code: "BN-A", name: "Disnakertrans (bench)", category: "government" },
      { tenant, code: "BN-B", name: "Dinas Sosial (bench)", category: "government" },
    ])
    .returning();
  const desa = await desaOf(db, tenant);
  const kecamatan = desa[0]!.split(".").slice(0, 3).join(".");
  const account = async (role: Role, agencyId: string, jurisdiction: string[] | null) => {
    const [u] = await db
      .insert(users)
      .values({
        tenant,
        username: `bench_${role}`,
        displayName: `Bench ${role}`,
        agencyId,
        roles: [role],
        jurisdiction,
        passwordHash: "unused",
        totpSecretEnc: encrypt(ctx.keys, "JBSWY3DPEHPK3PXP"),
        totpEnrolledAt: new Date(),
      })
      .returning();
    return u!;
  };
  const coordinator = await account("coordinator", a!.id, null);
  const operator = await account("agency_operator", a!.id, null);
  const pimpasa = await account("pimpasa", a!.id, [kecamatan]);
  const volunteer = await account("volunteer", b!.id, [kecamatan]);
  const t0 = performance.now();
  await seedDashboard(db, {
    tenant,
    now: new Date(),
    ...sizes,
    desa,
    agencyIds: [a!.id, b!.id],
    recorderIds: [volunteer.id, coordinator.id, pimpasa.id, operator.id],
    staffId: coordinator.id,
  });
  // A live database has been vacuumed by the time it holds this much (autovacuum starts after 20% of a table
  // changes): without it the bulk load's dead rows and empty visibility map would be measured instead.
  await db.execute(sql`VACUUM ANALYZE`);
  console.log(
    `  seeded ${sizes.reports.toLocaleString("id-ID")} reports, ${sizes.cases.toLocaleString("id-ID")} cases, ` +
      `${sizes.sessions.toLocaleString("id-ID")} sessions, ${sizes.actionItems} action items over ${desa.length} desa in ${Math.round(performance.now() - t0)} ms`,
  );
  const cookies = {} as Record<SeededRole, string>;
  for (const [role, u] of [
    ["coordinator", coordinator],
    ["agency_operator", operator],
    ["pimpasa", pimpasa],
    ["volunteer", volunteer],
  ] as const) {
    const token = randomToken();
    await db
      .insert(sessions)
      .values({ tokenHash: sha256Hex(token), userId: u.id, csrfToken: randomToken(), expiresAt: new Date(Date.now() + 86_400_000) });
    cookies[role] = `simpul_session=${token}`;
  }
  return cookies;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.argv[2];
  if (!url) throw new Error("usage: tsx bench/dashboard-seed.ts postgres://…/<database>");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-seed-"));
  const database = await openDatabase({ kind: "postgresql", url, poolSize: 4, timeouts: { ...DEFAULT_DB_TIMEOUTS, statementMs: 0 } });
  await database.migrate();
  const config = loadConfig(
    { SIMPUL_DATA_DIR: dir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_SEED_REGIONS: "none" },
    { demo: false, jobs: false },
  );
  await seedForDashboard(database, { config, keys: loadKeyRing(config) });
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
