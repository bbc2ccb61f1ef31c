import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Status layanan dan basis data",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgresql"]), version: z.string() }) },
      },
    },
    async () => {
      await app.ctx.db.execute(sql`SELECT 1`);
      return { status: "ok" as const, database: app.ctx.database.kind, version: app.ctx.config.version };
    },
  );
};
