// POST /api/reports/:id/case: a verified report becomes a case. Registered under /api/reports by app.ts;
// it lives in the cases module because opening a case is this module's work, and cases may use reports
// (through reports.service.ts) while reports never imports cases.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { reportQueuePolicy } from "../reports/reports.policy";
import { ReportDetailSchema } from "../reports/reports.schema";
import { ReportsService } from "../reports/reports.service";
import { caseOpenerFor, caseVisibleTo } from "./cases.from-report";
import { ReportToCaseSchema } from "./cases.schema";
import { IdParam } from "../../lib/validation";

export const caseFromReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const reports = new ReportsService(app.ctx, caseVisibleTo);

  app.post(
    "/:id/case",
    {
      config: { access: { policy: reportQueuePolicy, action: "toCase" } },
      schema: {
        tags: ["pengaduan (staf)"],
        summary: "Jadikan kasus: buka kasus (asal: pengaduan masyarakat) dari laporan terverifikasi, laporan ditautkan",
        description:
          "Untuk koordinator wilayah laporan (wajib menunjuk `ownerId`, seorang manajer kasus/penyidik) atau operator instansi tujuan " +
          "yang juga manajer kasus/penyidik (menjadi pemilik bila `ownerId` kosong). Status laporan: verified, forwarded atau in_handling, " +
          "dan belum menjadi kasus (selain itu 409). Kontak pelapor tidak disalin kecuali `includeReporterContact` (hanya bila Anda boleh " +
          "melihatnya). Jawaban: rincian laporan; `caseId` hanya terisi bila Anda boleh membuka kasus itu.",
        params: IdParam,
        body: ReportToCaseSchema,
        response: { 201: ReportDetailSchema },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      const actor = actorOf(req);
      const open = caseOpenerFor(app.ctx, p, actor, req.body);
      return reply.status(201).send(await reports.toCase(p, actor, req.params.id, req.body.includeReporterContact, open));
    },
  );
};
