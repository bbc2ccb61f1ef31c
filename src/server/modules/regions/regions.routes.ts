import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { safeString } from "../../lib/validation";
import { isRegionCode } from "../../../core/regions";
import { AppError } from "../../lib/errors";
import { findRegion, listChildren, searchRegions } from "./regions.service";

const Level = z.enum(["province", "regency", "kecamatan", "desa"]);
const Region = z.object({ code: z.string(), name: z.string(), level: Level, parentCode: z.string().nullable() });
const CodeParam = z.object({ code: z.string().max(20).refine(isRegionCode, { message: "region_unknown" }) });

// Region names are public reference data (Kemendagri); these routes need no sign-in.
export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      config: { access: "public" },
      schema: {
        tags: ["regions"],
        summary: "Cari wilayah menurut nama",
        querystring: z.object({
          q: safeString().trim().min(2).max(100),
          level: Level.optional(),
          within: z.string().max(20).refine(isRegionCode, { message: "region_unknown" }).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(Region) }) },
      },
    },
    async (req) => ({ items: await searchRegions(app.ctx.db, req.query.q, req.query) }),
  );

  app.get(
    "/:code",
    { config: { access: "public" }, schema: { tags: ["regions"], summary: "Satu wilayah", params: CodeParam, response: { 200: Region } } },
    async (req) => {
      const region = await findRegion(app.ctx.db, req.params.code);
      if (!region) throw new AppError("region_not_found");
      return region;
    },
  );

  app.get(
    "/:code/children",
    {
      config: { access: "public" },
      schema: {
        tags: ["regions"],
        summary: "Wilayah di bawah satu kode",
        params: CodeParam,
        response: { 200: z.object({ items: z.array(Region) }) },
      },
    },
    async (req) => {
      const items = await listChildren(app.ctx.db, req.params.code);
      if (items.length === 0 && !(await findRegion(app.ctx.db, req.params.code))) throw new AppError("region_not_found");
      return { items };
    },
  );
};
