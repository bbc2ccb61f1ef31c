import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AgencySchema, AgencySearchQuery } from "./p3mi.schema";
import { searchAgencies } from "./p3mi.service";

// The licensed-agency registry is public national data: anyone may check a company.
export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicRateLimit, publicChecksPerMinute } = app.ctx.config;
  app.get(
    "/agencies",
    {
      config: { access: "public", rateLimit: { max: publicRateLimit ? publicChecksPerMinute : 1_000_000, timeWindow: 60_000 } },
      schema: {
        tags: ["public"],
        summary: "Cari perusahaan penempatan PMI berizin (P3MI) menurut nama atau nomor SIP3MI",
        querystring: AgencySearchQuery,
        response: { 200: z.object({ items: z.array(AgencySchema) }) },
      },
    },
    async (req) => ({ items: await searchAgencies(app.ctx, req.query.q, req.query.limit) }),
  );
};
