import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { registryIndexFor } from "../p3mi/p3mi.service";
import { jobcheckImageRoutes } from "./jobcheck.image";
import { JobcheckBody, JobcheckResult } from "./jobcheck.schema";
import { checkOffer } from "./jobcheck.service";

/** Body cap: 5,000 characters of emoji or \u-escaped text stay under it; anything larger is not a message. */
const BODY_LIMIT = 32 * 1024;

// Public service of "Cek Lowongan": the checker (the licensed-agency search it refers to is p3mi.routes.ts).
export const publicJobcheckRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicRateLimit, publicChecksPerMinute } = app.ctx.config;
  registryIndexFor(app.ctx, { onError: (err) => app.log.warn({ err }, "P3MI registry index not refreshed") });

  app.post(
    "/jobcheck",
    {
      bodyLimit: BODY_LIMIT,
      config: { access: "public", rateLimit: { max: publicRateLimit ? publicChecksPerMinute : 1_000_000, timeWindow: 60_000 } },
      schema: {
        tags: ["public"],
        summary: "Periksa teks tawaran kerja: tingkat risiko, tanda bahaya, dan saran (Cek Lowongan)",
        body: JobcheckBody,
        response: { 200: JobcheckResult },
      },
    },
    async (req) => checkOffer(app.ctx, req.body.text),
  );

  // Its own plugin: the raw image body parser stays out of the JSON routes above.
  await app.register(jobcheckImageRoutes);
};
