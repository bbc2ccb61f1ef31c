// Builds one migrated, region-seeded database template per test run; each test file then gets a
// fresh copy in about a second instead of paying for initdb, migrations and 1,500 regions again.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/server/db/client";
import { loadRegions, readRegionRows } from "../src/server/seed/regions";
import { adminUrl, TEMPLATE_DB } from "./helpers/pg";

export default async function setup(project: TestProject) {
  const url = process.env.SIMPUL_TEST_DATABASE_URL;
  if (url) {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const db = await openDatabase({ kind: "postgresql", url: u.toString(), poolSize: 2 });
    await db.migrate();
    await loadRegions(db, readRegionRows("36"));
    await db.close();
    // pg-boss's schema too, so a test file's first enqueue does not install it again.
    const PgBoss = (await import("pg-boss")).default;
    const boss = new PgBoss({ connectionString: u.toString(), schema: "pgboss", supervise: false, schedule: false, max: 1 });
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
    project.provide("pgTemplate", TEMPLATE_DB);
    return async () => {
      const a = new pg.Client({ connectionString: adminUrl(url) });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await a.end();
    };
  }
  const db = await openDatabase({ kind: "pglite", memory: true });
  await db.migrate();
  await loadRegions(db, readRegionRows("36"));
  const dump = await db.dump!();
  const dir = path.resolve(".tmp");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(file, { force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate?: string;
    pgTemplate?: string;
  }
}
