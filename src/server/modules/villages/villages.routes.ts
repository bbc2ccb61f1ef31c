// Desa Binaan villages: list, one village, designation, indicators per period, the map data.
// Route-level gates run before validation; the service checks the desa against the caller's jurisdiction (404 outside).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { routeDoc } from "../../auth/route-access";
import { mapData } from "./villages.map";
import { villageRoutePolicy } from "./villages.policy";
import {
  DesaParam,
  IndicatorInputSchema,
  MapQuerySchema,
  MapResponseSchema,
  PeriodParam,
  VillageDetailSchema,
  VillageListQuerySchema,
  VillageSummarySchema,
  VillageUpdateSchema,
} from "./villages.schema";
import { VillagesService } from "./villages.service";

const view = { access: { policy: villageRoutePolicy, action: "view" } };
const manage = { access: { policy: villageRoutePolicy, action: "manage" } };
const tags = ["desa binaan"];
const doc = routeDoc(tags);

export const villageRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new VillagesService(app.ctx);

  app.get(
    "/",
    doc(view, "Daftar desa: status Desa Binaan, SK, tingkat risiko beserta alasannya, jangkauan sosialisasi", {
      description: "Hanya desa dalam wilayah kerja pengguna. Filter: kecamatan, status, risiko, jangkauan sosialisasi (reach), nama (q).",
      querystring: VillageListQuerySchema,
      response: { 200: z.object({ items: z.array(VillageSummarySchema), total: z.number().int() }) },
    }),
    async (req) => svc.list(requirePrincipal(req), req.query),
  );

  app.get(
    "/map",
    doc(
      { access: { policy: villageRoutePolicy, action: "map" } },
      "Data peta: desa/kecamatan diwarnai menurut risiko, status program, atau jangkauan sosialisasi",
      {
        description:
          "GeoJSON FeatureCollection (geometri + code, name, value, label, category) bila batas wilayah sudah diimpor; " +
          "bila belum, `{ boundaries: false, rows, howToImport }` agar aplikasi menampilkan tabel dan cara mengimpor.",
        querystring: MapQuerySchema,
        response: { 200: MapResponseSchema },
      },
    ),
    async (req) => mapData(app.ctx, requirePrincipal(req), req.query.level, req.query.metric),
  );

  app.get(
    "/officers",
    doc(manage, "Petugas PIMPASA yang dapat ditugaskan (opsional: yang wilayah kerjanya mencakup satu desa)", {
      querystring: z.object({ desa: DesaParam.shape.code.optional() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }) },
    }),
    async (req) => ({
      items: (await svc.officers(requirePrincipal(req), req.query.desa)).map(({ id, displayName }) => ({ id, displayName })),
    }),
  );

  app.get(
    "/:code",
    doc(view, "Satu desa: program, PIMPASA, narahubung desa, indikator per periode dengan sumbernya, risiko dan semua masukannya", {
      description:
        "Nomor telepon narahubung hanya tampil bagi koordinator, admin dan PIMPASA wilayahnya. Desa di luar wilayah kerja menjawab 404.",
      params: DesaParam,
      response: { 200: VillageDetailSchema },
    }),
    async (req) => svc.get(requirePrincipal(req), req.params.code),
  );

  app.patch(
    "/:code",
    doc(manage, "Tetapkan atau ubah Desa Binaan: status, SK, instansi penetap, PIMPASA, narahubung desa, jumlah penduduk, catatan", {
      description:
        "PIMPASA hanya untuk desa di wilayah kerjanya (di luar itu 404); koordinator dan admin untuk semua desa. Isian yang tidak dikirim tidak berubah.",
      params: DesaParam,
      body: VillageUpdateSchema,
      response: { 200: VillageDetailSchema },
    }),
    async (req) => svc.update(requirePrincipal(req), actorOf(req), req.params.code, req.body),
  );

  app.put(
    "/:code/indicators/:period",
    doc(manage, "Simpan indikator desa untuk satu periode (tahun atau semester), dengan sumber setiap angka", {
      description:
        "Menggantikan seluruh angka periode itu. Angka yang tidak diketahui kirim `null` atau tidak dikirim (tidak dianggap nol).",
      params: PeriodParam,
      body: IndicatorInputSchema,
      response: { 200: VillageDetailSchema },
    }),
    async (req) => svc.putIndicators(requirePrincipal(req), actorOf(req), req.params.code, req.params.period, req.body),
  );

  app.delete(
    "/:code/indicators/:period",
    {
      config: manage,
      schema: { tags, summary: "Hapus indikator desa untuk satu periode", params: PeriodParam, response: { 200: VillageDetailSchema } },
    },
    async (req) => svc.deleteIndicators(requirePrincipal(req), actorOf(req), req.params.code, req.params.period),
  );
};
