import { routeDoc } from "../../auth/route-access";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../../auth/principal";
import { NotificationSchema } from "./notifications.schema";
import { listNotifications, markRead } from "./notifications.service";
import { IdParam } from "../../lib/validation";

const doc = routeDoc(["notifikasi"]);

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    doc({ access: "authenticated" }, "Notifikasi saya (mis. laporan lewat batas waktu)", {
      querystring: z.object({ unread: z.enum(["true", "false"]).optional() }).strict(),
      response: { 200: z.object({ unread: z.number().int(), items: z.array(NotificationSchema) }) },
    }),
    async (req) => listNotifications(app.ctx, requirePrincipal(req), req.query.unread === "true"),
  );

  app.post(
    "/:id/read",
    doc({ access: "authenticated" }, "Tandai notifikasi sudah dibaca", { params: IdParam, response: { 204: z.null() } }),
    async (req, reply) => {
      await markRead(app.ctx, requirePrincipal(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
