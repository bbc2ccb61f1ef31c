// Monthly and annual reports: list, generate now (replaces the period's files), download PDF or XLSX.
// Coordinators of the whole regency only (periodic.policy.ts); every generation and download is audited.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { created, routeDoc } from "../../auth/route-access";
import { sendDownload } from "../../lib/downloads";
import { IdParam } from "../../lib/validation";
import { periodicPolicy } from "./periodic.policy";
import { GenerateSchema, PeriodicListSchema, PeriodicReportSchema } from "./periodic.schema";
import { type Format, PeriodicService } from "./periodic.service";

const access = { access: { policy: periodicPolicy, action: "use" as const } };
const doc = routeDoc(["laporan berkala"]);

export const periodicRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new PeriodicService(app.ctx);

  app.get(
    "/",
    doc(access, "Daftar laporan bulanan dan tahunan yang sudah dibuat", { response: { 200: PeriodicListSchema } }),
    async () => ({ items: await svc.list() }),
  );

  app.post(
    "/",
    doc(
      access,
      "Buat laporan suatu bulan atau tahun sekarang (membuat ulang periode yang sama menggantikan berkasnya)",
      created(GenerateSchema, PeriodicReportSchema),
    ),
    async (req, reply) => {
      const p = requirePrincipal(req);
      return reply.status(201).send(await svc.generate(actorOf(req), { userId: p.id, name: p.displayName }, req.body));
    },
  );

  for (const format of ["pdf", "xlsx"] as Format[]) {
    app.get(
      `/:id/${format}`,
      doc(access, `Unduh laporan (${format.toUpperCase()}); setiap unduhan dicatat di jejak audit`, { params: IdParam }),
      async (req, reply) => {
        const f = await svc.file(actorOf(req), req.params.id, format);
        return sendDownload(reply, { contentType: f.mediaType, data: f.data, filename: f.filename });
      },
    );
  }
};
