// Referral inbox (incoming to my agency, outgoing from my cases) and the referral's state changes.
// Parties only: the receiving agency's case workers and the sending case's team; anyone else gets 404.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { idAction, idRead, type RouteAccess, routeDoc } from "../../auth/route-access";
import { caseRoutePolicy } from "./cases.policy";
import { ReferralService } from "./cases.referrals";
import { IdParam, ReasonSchema, ReferralSchema } from "./cases.schema";
import { CaseService } from "./cases.service";
import { REFERRAL_STATUSES } from "../../../core/cases";

const doc = routeDoc(["rujukan"]);
const party = { access: "policy" as RouteAccess };

export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new ReferralService(new CaseService(app.ctx));

  app.get(
    "/",
    doc(
      { access: { policy: caseRoutePolicy, action: "referralInbox" } },
      "Rujukan masuk ke instansi saya atau keluar dari kasus tim saya; yang lewat 2 hari kerja ditandai terlambat",
      {
        querystring: z
          .object({ box: z.enum(["incoming", "outgoing"]).default("incoming"), status: z.enum(REFERRAL_STATUSES).optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(ReferralSchema) }) },
      },
    ),
    async (req) => ({ items: await svc.list(requirePrincipal(req), req.query.box, req.query.status) }),
  );

  app.post(
    "/:id/accept",
    doc(party, "Terima rujukan (instansi penerima); petugas yang ditunjuk mendapat akses sesuai cakupan rujukan", {
      params: IdParam,
      body: z.object({ assignedUserId: z.string().uuid().optional() }).strict().optional(),
      response: { 200: ReferralSchema },
    }),
    async (req) => svc.accept(requirePrincipal(req), actorOf(req), req.params.id, req.body ?? {}),
  );

  app.post(
    "/:id/reject",
    doc(party, "Tolak rujukan dengan alasan (instansi penerima)", idAction(ReasonSchema, ReferralSchema)),
    async (req) => svc.reject(requirePrincipal(req), actorOf(req), req.params.id, req.body.reason),
  );

  app.post("/:id/complete", doc(party, "Tandai rujukan selesai; akses penerima berakhir", idRead(ReferralSchema)), async (req) =>
    svc.complete(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.post("/:id/revoke", doc(party, "Cabut rujukan (tim pengirim)", idAction(ReasonSchema, ReferralSchema)), async (req) =>
    svc.revoke(requirePrincipal(req), actorOf(req), req.params.id, req.body.reason),
  );
};
