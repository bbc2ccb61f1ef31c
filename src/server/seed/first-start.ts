// What the first start does after migrations: regions, then (unless --no-demo) the demo data.
import { eq } from "drizzle-orm";
import { appMeta } from "../db/schema";
import type { AppContext } from "../context";
import { findRegion } from "../modules/regions/regions.service";
import { seedDemo } from "./demo";
import { seedDemoScreenings } from "./demo-screening";
import { seedDemoCoordination } from "./demo-coordination";
import { seedDemoProgramme } from "./demo-programme";
import { loadRegions, readRegionRows } from "./regions";

async function getMeta(ctx: AppContext, key: string): Promise<unknown> {
  const [row] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, key));
  return row?.value;
}

async function setMeta(ctx: AppContext, key: string, value: unknown): Promise<void> {
  await ctx.db
    .insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
}

export type FirstStartReport = { regionsImported: number; demoCredentials?: { username: string; password: string; roles: string[] }[] };

export async function seedOnFirstStart(ctx: AppContext): Promise<FirstStartReport> {
  const report: FirstStartReport = { regionsImported: 0 };
  if (!(await getMeta(ctx, "regions_seeded")) && ctx.config.seedRegions !== "none") {
    report.regionsImported = await loadRegions(ctx.database, readRegionRows(ctx.config.seedRegions));
    await setMeta(ctx, "regions_seeded", { source: "idn-area-data", scope: ctx.config.seedRegions, at: new Date().toISOString() });
  }
  if (ctx.config.seedRegions !== "none" && !(await findRegion(ctx.db, ctx.config.regency))) {
    throw new Error(`SIMPUL_REGENCY=${ctx.config.regency} is not a regency in the region data.`);
  }
  if (ctx.config.demo && !(await getMeta(ctx, "demo_seeded"))) {
    report.demoCredentials = await seedDemo(ctx);
    await seedDemoProgramme(ctx);
    await seedDemoScreenings(ctx);
    await seedDemoCoordination(ctx);
    await setMeta(ctx, "demo_seeded", { at: new Date().toISOString() });
  }
  return report;
}
