// Recruiter intelligence (investigators and coordinators; every other role gets 404) and the public
// "cek nomor / rekening" lookup, which says only how often a number was reported, and only from two on.
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { idAction, idRead, routeDoc } from "../../auth/route-access";
import { INTEL_ACCESS } from "./intel.policy";
import {
  EntityDetailSchema,
  EntityListQuerySchema,
  EntitySummarySchema,
  JudgementSchema,
  NetworkSchema,
  PublicCheckResultSchema,
  PublicCheckSchema,
  SplitSchema,
  WatchSchema,
} from "./intel.schema";
import { IntelService } from "./intel.service";
import { kickIntelSync, settleIntelSync } from "./intel.sync";

const tags = ["intelijen"];
const doc = routeDoc(tags);

export const intelRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new IntelService(app.ctx);

  app.get(
    "/entities",
    doc(INTEL_ACCESS, "Cari atau daftar entitas perekrut (nomor, rekening, akun, NIK, perusahaan), terbanyak dicatat dulu", {
      querystring: EntityListQuerySchema,
      response: { 200: z.object({ items: z.array(EntitySummarySchema), total: z.number().int() }) },
    }),
    async (req) => svc.list(requirePrincipal(req), actorOf(req), req.query),
  );

  app.get(
    "/entities/:id",
    doc(INTEL_ACCESS, "Rincian entitas: pengenal, catatan yang menyebutnya, penilaian", idRead(EntityDetailSchema)),
    async (req) => svc.get(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.get(
    "/entities/:id/network",
    doc(INTEL_ACCESS, "Jejaring entitas: pengenal dan laporan, kasus, wawancara yang menyebutnya", idRead(NetworkSchema)),
    async (req) => svc.network(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.post(
    "/entities/:id/watch",
    doc(INTEL_ACCESS, "Masukkan ke atau keluarkan dari daftar pantau", idAction(WatchSchema, EntityDetailSchema)),
    async (req) => svc.watch(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/entities/:id/split",
    doc(
      INTEL_ACCESS,
      "Pisahkan pengenal ke entitas baru (dicatat sebagai bukan orang yang sama)",
      idAction(SplitSchema, EntityDetailSchema),
    ),
    async (req) => svc.split(requirePrincipal(req), actorOf(req), req.params.id, req.body.identifierIds),
  );

  app.post(
    "/judgements",
    doc(INTEL_ACCESS, "Catat penilaian: sama (digabung), bukan orang yang sama, atau belum pasti", {
      body: JudgementSchema,
      response: { 200: EntityDetailSchema },
    }),
    async (req) => svc.judge(requirePrincipal(req), actorOf(req), req.body),
  );
};

/** At most this many number lookups a minute per client: enough for a person, not for a sweep. */
const LOOKUPS_PER_MINUTE = 10;

export const publicIntelRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new IntelService(app.ctx);
  app.post(
    "/identifier-check",
    {
      bodyLimit: 1024,
      config: { access: "public", rateLimit: { max: app.ctx.config.publicRateLimit ? LOOKUPS_PER_MINUTE : 1_000_000, timeWindow: 60_000 } },
      schema: {
        tags: ["public"],
        summary: "Cek nomor / rekening: berapa kali dilaporkan sebagai perekrut (hanya bila 2 kali atau lebih, tanpa rincian)",
        body: PublicCheckSchema,
        response: { 200: PublicCheckResultSchema },
      },
    },
    async (req) => {
      const n = await svc.publicCount(app.ctx.config.regency, req.body.kind, req.body.value);
      return n >= 2 ? { reported: true, count: n } : { reported: false, count: null };
    },
  );
};

/** Saves that can name a recruiter: after each, a linking run is kicked (see kickIntelSync). */
const LINKING_ROUTES = new Set([
  "POST /api/public/reports",
  "POST /api/screenings",
  "POST /api/cases/:id/persons",
  "PATCH /api/cases/:id/persons/:personId",
]);

/** App-level hooks of the intel module: kick linking after saves that name people; settle it on close. */
export function intelHooks(app: FastifyInstance): void {
  app.addHook("onResponse", async (req, reply) => {
    if (reply.statusCode < 300 && LINKING_ROUTES.has(`${req.method} ${req.routeOptions.url}`)) kickIntelSync(app.ctx);
  });
  app.addHook("onClose", async () => settleIntelSync(app.ctx));
}
