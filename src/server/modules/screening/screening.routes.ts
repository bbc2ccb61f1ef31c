// Passport-interview screening (Imigrasi): interviews, blind reviews, referrals, home visits, statistics.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { idAction, idRead, routeDoc } from "../../auth/route-access";
import { ScreeningFollowupService } from "./screening.followup";
import { screeningRoutePolicy } from "./screening.policy";
import { ScreeningReviewService } from "./screening.review";
import {
  AssignmentViewSchema,
  CandidateSchema,
  FollowupCompleteSchema,
  IdParam,
  ListQuerySchema,
  ReferralCreateSchema,
  ReviewCreateSchema,
  ScreeningCreateSchema,
  ScreeningDetailSchema,
  ScreeningSummarySchema,
  StatsQuerySchema,
  StatsSchema,
  VisitCreateSchema,
} from "./screening.schema";
import { ScreeningService } from "./screening.service";
import { screeningStats } from "./screening.stats";

const tags = ["wawancara paspor"];
const doc = routeDoc(tags);
const record = { access: { policy: screeningRoutePolicy, action: "record" } } as const;
const ListSchema = z.object({ items: z.array(ScreeningSummarySchema), total: z.number().int() });
const Assignments = z.object({ items: z.array(AssignmentViewSchema) });
const Ok = z.object({ ok: z.literal(true) });
const FOLLOWUP_ROUTES = [
  {
    kind: "visit",
    action: "visits",
    path: "/visits",
    listSummary: "Kunjungan rumah yang ditugaskan kepada saya",
    completeSummary: "Catat hasil kunjungan rumah",
  },
  {
    kind: "referral",
    action: "referrals",
    path: "/referrals",
    listSummary: "Rujukan konseling pemohon paspor ke instansi saya",
    completeSummary: "Catat hasil konseling rujukan",
  },
] as const;

export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new ScreeningService(app.ctx);
  const reviews = new ScreeningReviewService(app.ctx, svc);
  const followups = new ScreeningFollowupService(app.ctx, svc);

  app.get(
    "/",
    doc(record, "Daftar wawancara kantor (terbaru dulu)", { querystring: ListQuerySchema, response: { 200: ListSchema } }),
    async (req) => svc.list(requirePrincipal(req), req.query),
  );

  app.post(
    "/",
    doc(record, "Catat wawancara pemohon paspor: tujuan, dokumen, sponsor, tanda bahaya berbobot, keputusan", {
      description: "Penundaan dan penolakan menunggu tinjauan buta oleh petugas lain. Identitas pemohon disimpan terenkripsi.",
      body: ScreeningCreateSchema,
      response: { 201: ScreeningDetailSchema },
    }),
    async (req, reply) => reply.status(201).send(await svc.create(requirePrincipal(req), actorOf(req), req.body)),
  );

  app.get(
    "/review-queue",
    doc(record, "Wawancara yang menunggu tinjauan atau penentuan saya", { response: { 200: ListSchema } }),
    async (req) => svc.reviewQueue(requirePrincipal(req)),
  );

  app.get(
    "/referral-agencies",
    doc(record, "Instansi tujuan rujukan konseling, dengan jumlah operator aktif yang akan menerimanya", {
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), operators: z.number().int() })),
        }),
      },
    }),
    async (req) => followups.referralAgencies(requirePrincipal(req)),
  );

  app.get(
    "/stats",
    doc(
      { access: { policy: screeningRoutePolicy, action: "stats" } },
      "Statistik wawancara per bulan, alasan, tujuan, kelompok umur, kecamatan",
      {
        querystring: StatsQuerySchema,
        response: { 200: StatsSchema },
      },
    ),
    async (req) => screeningStats(app.ctx, requirePrincipal(req), req.query),
  );

  // Home visits and counselling referrals: the same two routes each (my open assignments, record the outcome).
  for (const f of FOLLOWUP_ROUTES) {
    const access = { access: { policy: screeningRoutePolicy, action: f.action } };
    app.get(f.path, doc(access, f.listSummary, { response: { 200: Assignments } }), async (req) =>
      followups.assignments(requirePrincipal(req), actorOf(req), f.kind),
    );
    app.post(`${f.path}/:id/complete`, doc(access, f.completeSummary, idAction(FollowupCompleteSchema, Ok)), async (req) =>
      followups.complete(requirePrincipal(req), actorOf(req), f.kind, req.params.id, req.body.outcome),
    );
  }

  app.get("/:id", doc(record, "Rincian wawancara (dicatat di jejak audit)", idRead(ScreeningDetailSchema)), async (req) =>
    svc.get(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.post(
    "/:id/reviews",
    doc(record, "Tinjauan kedua (buta) atau penentuan oleh supervisor", {
      description: "Peninjau tidak melihat keputusan pertama sampai tinjauannya tercatat. Bila berbeda, supervisor menentukan.",
      ...idAction(ReviewCreateSchema, ScreeningDetailSchema),
    }),
    async (req) => reviews.review(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/:id/referrals",
    doc(record, "Rujuk pemohon ke konseling (Disnaker, DP3AKB)", idAction(ReferralCreateSchema, ScreeningDetailSchema)),
    async (req) => followups.refer(requirePrincipal(req), actorOf(req), req.params.id, req.body.agencyIds),
  );

  app.get(
    "/:id/visit-candidates",
    doc(record, "PIMPASA dan relawan desa pemohon yang dapat ditugasi kunjungan", {
      params: IdParam,
      response: { 200: z.object({ items: z.array(CandidateSchema) }) },
    }),
    async (req) => followups.candidates(requirePrincipal(req), req.params.id),
  );

  app.post(
    "/:id/visits",
    doc(record, "Tugaskan kunjungan rumah kepada PIMPASA atau relawan desa pemohon", idAction(VisitCreateSchema, ScreeningDetailSchema)),
    async (req) => followups.assignVisit(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
};
