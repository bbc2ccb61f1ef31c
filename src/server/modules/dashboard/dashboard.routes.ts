// GET /api/dashboard: the console home's figures for the caller's roles (403 for a role without any section).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePrincipal } from "../../auth/principal";
import { dashboardPolicy } from "./dashboard.policy";
import { DashboardSchema } from "./dashboard.schema";
import { DashboardService } from "./dashboard.service";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new DashboardService(app.ctx);
  app.get(
    "/",
    {
      config: { access: { policy: dashboardPolicy, action: "view" } },
      schema: {
        tags: ["dasbor"],
        summary: "Ringkasan beranda konsol sesuai peran: alur pengaduan, kasus (hitungan saja), desa, sosialisasi, tindak lanjut",
        description:
          "Setiap angka membawa daftar (`list`) dan filternya (`filter`): daftar itu dengan filter yang sama memuat baris yang sama. " +
          "Setiap bagian dibatasi seperti daftarnya (wilayah kerja, instansi sendiri, sesi sendiri).",
        response: { 200: DashboardSchema },
      },
    },
    async (req) => svc.forCaller(requirePrincipal(req)),
  );
};
