// Outreach (sosialisasi): record sessions (idempotent), list, calendar, one session, coverage, XLSX export.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AGE_BAND_LABELS, AGE_BANDS, AUDIENCE_LABELS, AUDIENCES, OUTREACH_TOPICS } from "../../../core/outreach-topics";
import { actorOf, requirePrincipal } from "../../auth/principal";
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
import { IdParam } from "../../lib/validation";

const gate = (action: "record" | "list" | "coverage" | "export") => ({ access: { policy: outreachRoutePolicy, action } });
const tags = ["sosialisasi"];

export const outreachRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new OutreachService(app.ctx);

  app.get(
    "/vocabulary",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Daftar tetap: materi/topik (tanda bahaya Cek Lowongan dan langkah migrasi resmi), sasaran, kelompok umur",
        response: {
          200: z.object({
            topics: z.array(z.object({ code: z.string(), group: z.string(), title: z.string(), titleEn: z.string() })),
            audiences: z.array(z.object({ code: z.string(), title: z.string(), titleEn: z.string() })),
            ageBands: z.array(z.object({ code: z.string(), label: z.string() })),
          }),
        },
      },
    },
    async () => ({
      topics: [...OUTREACH_TOPICS],
      audiences: AUDIENCES.map((code) => ({ code, title: AUDIENCE_LABELS[code].id, titleEn: AUDIENCE_LABELS[code].en })),
      ageBands: AGE_BANDS.map((code) => ({ code, label: AGE_BAND_LABELS[code] })),
    }),
  );

  app.post(
    "/sessions",
    {
      config: gate("record"),
      schema: {
        tags,
        summary: "Catat sesi sosialisasi (id dari aplikasi; kiriman ulang tidak membuat data ganda)",
        description:
          "201 bila baru tercatat; 200 dengan sesi yang sama bila id itu sudah pernah dikirim oleh pengguna ini (kiriman ulang dari mode luring). " +
          "Relawan hanya dapat mencatat di desa tugasnya. Foto ditambahkan sesudahnya lewat POST /api/outreach/sessions/{id}/photos.",
        body: SessionCreateSchema,
        response: { 200: SessionSchema, 201: SessionSchema },
      },
    },
    async (req, reply) => {
      const { created, session } = await svc.create(requirePrincipal(req), actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(session);
    },
  );

  app.get(
    "/sessions",
    {
      config: gate("list"),
      schema: {
        tags,
        summary: "Daftar sesi sosialisasi dengan filter kecamatan, desa, instansi dan periode",
        description: "Relawan hanya melihat sesi yang ia catat sendiri; staf melihat sesi di wilayah kerjanya.",
        querystring: SessionListQuerySchema,
        response: { 200: z.object({ items: z.array(SessionSchema), total: z.number().int() }) },
      },
    },
    async (req) => svc.list(requirePrincipal(req), req.query),
  );

  app.get(
    "/sessions/calendar",
    {
      config: gate("list"),
      schema: {
        tags,
        summary: "Data kalender sesi sosialisasi untuk rentang tanggal (WIB)",
        querystring: CalendarQuerySchema,
        response: { 200: z.object({ items: z.array(CalendarItemSchema) }) },
      },
    },
    async (req) => ({ items: await svc.calendar(requirePrincipal(req), req.query) }),
  );

  app.get(
    "/sessions/:id",
    {
      config: gate("list"),
      schema: { tags, summary: "Rincian satu sesi sosialisasi (di luar wewenang: 404)", params: IdParam, response: { 200: SessionSchema } },
    },
    async (req) => svc.get(requirePrincipal(req), req.params.id),
  );

  app.patch(
    "/sessions/:id",
    {
      config: gate("record"),
      schema: {
        tags,
        summary: "Ubah sesi sosialisasi (pencatat, koordinator/admin, atau staf instansi penyelenggara)",
        params: IdParam,
        body: SessionUpdateSchema,
        response: { 200: SessionSchema },
      },
    },
    async (req) => svc.update(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  await app.register(outreachPhotoRoutes);

  app.get(
    "/coverage",
    {
      config: gate("coverage"),
      schema: {
        tags,
        summary:
          "Cakupan sosialisasi: desa belum pernah/tidak dijangkau 90 hari, orang terjangkau per desa dan per 1.000 penduduk, per instansi dan per relawan",
        querystring: PeriodQuerySchema,
        response: { 200: CoverageSchema },
      },
    },
    async (req) => coverage(app.ctx, requirePrincipal(req), req.query),
  );

  app.get(
    "/export.xlsx",
    {
      config: gate("export"),
      schema: {
        tags,
        summary: "Unduh XLSX sesi dan cakupan sosialisasi untuk satu periode (berjudul nama kabupaten)",
        description: "Lembar: Sesi Sosialisasi, Cakupan Desa, Per Instansi, Per Relawan. Setiap unduhan dicatat di jejak audit.",
        querystring: PeriodQuerySchema,
      },
    },
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
