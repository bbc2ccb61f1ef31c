// Data-subject erasure requests (UU 27/2022 Pasal 43/44): preview (dry run), then execute with a reason.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { routeDoc } from "../../auth/route-access";
import { privacyPolicy } from "./retention.policy";
import { executeErasure, previewErasure } from "./retention.requests";
import { ErasureRequestSchema, ErasureResultSchema, SubjectQuerySchema } from "./retention.schema";

const TAGS = ["pelindungan data pribadi"];
const doc = routeDoc(TAGS);
const access = { access: { policy: privacyPolicy, action: "erase" as const } };
const DESCRIPTION =
  "Cari lewat nomor HP, NIK atau e-mail (dicocokkan dengan hash berkunci; kontak pelapor dan relawan dibandingkan setelah didekripsi di server). " +
  "Catatan dengan penahanan hukum (legal hold) ditolak dan dicantumkan. Pengenal yang dikirim tidak disimpan dan tidak masuk jejak audit.";

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/erasure/preview",
    doc(access, "Pratinjau penghapusan data seseorang atas permintaannya: jumlah catatan per jenis, yang ditolak karena penahanan hukum", {
      description: DESCRIPTION,
      body: SubjectQuerySchema,
      response: { 200: ErasureResultSchema },
    }),
    async (req) => previewErasure(app.ctx, requirePrincipal(req), actorOf(req), req.body),
  );

  app.post(
    "/erasure",
    doc(access, "Hapus data seseorang atas permintaannya (dengan alasan); setiap catatan dicatat di jejak audit", {
      description: DESCRIPTION,
      body: ErasureRequestSchema,
      response: { 200: ErasureResultSchema },
    }),
    async (req) => executeErasure(app.ctx, requirePrincipal(req), actorOf(req), req.body),
  );
};
