import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CsvFileParam, StatisticsSchema, type TableId } from "./opendata.schema";
import { CACHE_MS, publicStatistics, statisticsCsv } from "./opendata.service";

/** Shared caches (a proxy, the browser) may keep the tables as long as the server does. */
const CACHE_CONTROL = `public, max-age=${CACHE_MS / 1000}`;

// Public statistics and open data: small counts hidden, the rest rounded (opendata.suppress.ts).
export const publicOpendataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicRateLimit, publicChecksPerMinute } = app.ctx.config;
  const config = { access: "public" as const, rateLimit: { max: publicRateLimit ? publicChecksPerMinute : 1_000_000, timeWindow: 60_000 } };

  app.get(
    "/statistics",
    {
      config,
      schema: {
        tags: ["public"],
        summary:
          "Statistik publik 12 bulan terakhir: laporan, sosialisasi, kasus (angka di bawah 11 disembunyikan, dibulatkan ke kelipatan 5)",
        response: { 200: StatisticsSchema },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", CACHE_CONTROL).header("vary", "accept-language");
      return publicStatistics(app.ctx, req.locale);
    },
  );

  app.get(
    "/statistics/:file",
    {
      config,
      schema: {
        tags: ["public"],
        summary: "Data terbuka: satu tabel statistik sebagai CSV (sel tersembunyi ditulis x)",
        params: CsvFileParam,
      },
    },
    async (req, reply) => {
      const id = req.params.file.replace(/\.csv$/, "") as TableId;
      const csv = await statisticsCsv(app.ctx, id, req.locale);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="simpul-${id}.csv"`)
        .header("cache-control", CACHE_CONTROL)
        .header("vary", "accept-language")
        .send(csv);
    },
  );
};
