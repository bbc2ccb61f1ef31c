// GET/PUT/DELETE /api/cases/:id/legal-hold. Mounted inside the case routes by app.ts (caseRoutes `extra`),
// so a caller outside the case's audience gets 404 before validation like every other case route.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import type { RouteAccess } from "../../auth/route-access";
import { IdParam } from "../../lib/validation";
import { LegalHoldService } from "./retention.holds";
import { LegalHoldBodySchema, LegalHoldSchema } from "./retention.schema";

const TAGS = ["kasus"];

/** The options every legal-hold route shares: one case's id, the hold's state as the answer. */
const about = (summary: string) => ({
  config: { access: "policy" as RouteAccess },
  schema: { tags: TAGS, summary, params: IdParam, response: { 200: LegalHoldSchema } },
});

export const legalHoldRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new LegalHoldService(app.ctx);
  const set = about(
    "Tetapkan penahanan hukum: kasus tidak dihapus oleh masa retensi maupun atas permintaan (tim kasus, penyidik rujukan, koordinator wilayah)",
  );

  app.get("/:id/legal-hold", about("Status penahanan hukum (legal hold) kasus; alasan hanya untuk yang boleh menetapkannya"), async (req) =>
    svc.get(requirePrincipal(req), actorOf(req), req.params.id),
  );
  app.put("/:id/legal-hold", { ...set, schema: { ...set.schema, body: LegalHoldBodySchema } }, async (req) =>
    svc.set(requirePrincipal(req), actorOf(req), req.params.id, req.body.reason),
  );
  app.delete("/:id/legal-hold", about("Cabut penahanan hukum kasus"), async (req) =>
    svc.release(requirePrincipal(req), actorOf(req), req.params.id),
  );
};
