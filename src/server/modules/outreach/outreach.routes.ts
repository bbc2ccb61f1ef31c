// Outreach (sosialisasi): record sessions (idempotent), list, calendar, one session, coverage, XLSX export.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AGE_BAND_LABELS, AGE_BANDS, AUDIENCE_LABELS, AUDIENCES, OUTREACH_TOPICS } from "../../../core/outreach-topics";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { idAction, idRead, routeDoc } from "../../auth/route-access";
import { sendDownload } from "../../lib/downloads";
import { outreachPhotoRoutes } from "./outreach.photos.routes";
import { coverage } from "./outreach.coverage";
import { exportXlsx } from "./outreach.export";
import { outreachRoutePolicy } from "./outreach.policy";
import {
  CalendarItemSchema,
  CalendarQuerySchema,
  CoverageSchema,
  PeriodQuerySchema,
  SessionCreateSchema,
  SessionListQuerySchema,
  SessionSchema,
  SessionUpdateSchema,
} from "./outreach.schema";
import { OutreachService } from "./outreach.service";

const gate = (action: "record" | "list" | "coverage" | "export") => ({ access: { policy: outreachRoutePolicy, action } });
const doc = routeDoc(["sosialisasi"]);

export const outreachRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new OutreachService(app.ctx);

  app.get(
    "/vocabulary",
    doc(
      { access: "authenticated" },
      "Daftar tetap: materi/topik (tanda bahaya Cek Lowongan dan langkah migrasi resmi), sasaran, kelompok umur",
      {
        response: {
          200: z.object({
            topics: z.array(z.object({ code: z.string(), group: z.string(), title: z.string(), titleEn: z.string() })),
            audiences: z.array(z.object({ code: z.string(), title: z.string(), titleEn: z.string() })),
            ageBands: z.array(z.object({ code: z.string(), label: z.string() })),
          }),
        },
      },
    ),
    async () => ({
      topics: [...OUTREACH_TOPICS],
      audiences: AUDIENCES.map((code) => ({ code, title: AUDIENCE_LABELS[code].id, titleEn: AUDIENCE_LABELS[code].en })),
      ageBands: AGE_BANDS.map((code) => ({ code, label: AGE_BAND_LABELS[code] })),
    }),
  );

  app.post(
    "/sessions",
    doc(gate("record"), "Catat sesi sosialisasi (id dari aplikasi; kiriman ulang tidak membuat data ganda)", {
      description:
        "201 bila baru tercatat; 200 dengan sesi yang sama bila id itu sudah pernah dikirim oleh pengguna ini (kiriman ulang dari mode luring). " +
        "Relawan hanya dapat mencatat di desa tugasnya. Foto ditambahkan sesudahnya lewat POST /api/outreach/sessions/{id}/photos.",
      body: SessionCreateSchema,
      response: { 200: SessionSchema, 201: SessionSchema },
    }),
    async (req, reply) => {
      const { created, session } = await svc.create(requirePrincipal(req), actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(session);
    },
  );

  app.get(
    "/sessions",
    doc(gate("list"), "Daftar sesi sosialisasi dengan filter kecamatan, desa, instansi dan periode", {
      description: "Relawan hanya melihat sesi yang ia catat sendiri; staf melihat sesi di wilayah kerjanya.",
      querystring: SessionListQuerySchema,
      response: { 200: z.object({ items: z.array(SessionSchema), total: z.number().int() }) },
    }),
    async (req) => svc.list(requirePrincipal(req), req.query),
  );

  app.get(
    "/sessions/calendar",
    doc(gate("list"), "Data kalender sesi sosialisasi untuk rentang tanggal (WIB)", {
      querystring: CalendarQuerySchema,
      response: { 200: z.object({ items: z.array(CalendarItemSchema) }) },
    }),
    async (req) => ({ items: await svc.calendar(requirePrincipal(req), req.query) }),
  );

  app.get("/sessions/:id", doc(gate("list"), "Rincian satu sesi sosialisasi (di luar wewenang: 404)", idRead(SessionSchema)), async (req) =>
    svc.get(requirePrincipal(req), req.params.id),
  );

  app.patch(
    "/sessions/:id",
    doc(
      gate("record"),
      "Ubah sesi sosialisasi (pencatat, koordinator/admin, atau staf instansi penyelenggara)",
      idAction(SessionUpdateSchema, SessionSchema),
    ),
    async (req) => svc.update(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  await app.register(outreachPhotoRoutes);

  app.get(
    "/coverage",
    doc(
      gate("coverage"),
      "Cakupan sosialisasi: desa belum pernah/tidak dijangkau 90 hari, orang terjangkau per desa dan per 1.000 penduduk, per instansi dan per relawan",
      { querystring: PeriodQuerySchema, response: { 200: CoverageSchema } },
    ),
    async (req) => coverage(app.ctx, requirePrincipal(req), req.query),
  );

  app.get(
    "/export.xlsx",
    doc(gate("export"), "Unduh XLSX sesi dan cakupan sosialisasi untuk satu periode (berjudul nama kabupaten)", {
      description: "Lembar: Sesi Sosialisasi, Cakupan Desa, Per Instansi, Per Relawan. Setiap unduhan dicatat di jejak audit.",
      querystring: PeriodQuerySchema,
    }),
    async (req, reply) => {
      const { buffer, filename } = await exportXlsx(app.ctx, requirePrincipal(req), actorOf(req), req.query, req.locale);
      return sendDownload(reply, {
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        data: buffer,
        filename,
      });
    },
  );
};
