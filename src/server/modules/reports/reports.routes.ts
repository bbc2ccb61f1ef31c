// Staff endpoints for public reports: triage queue, agency inbox, one report and its handling steps.
// Order in every handler: validate (schema) → authenticate (access) → authorize (policy) → service → present.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { listNotifications, markRead } from "./notifications";
import { reportQueuePolicy } from "./reports.policy";
import {
  CloseSchema,
  ForwardSchema,
  NoteSchema,
  NotificationSchema,
  QueueQuerySchema,
  RejectSchema,
  ReopenSchema,
  ReportDetailSchema,
  ReportSummarySchema,
  ResponseSchema,
  ToCaseSchema,
  VerifySchema,
} from "./reports.schema";
import { ReportsService } from "./reports.service";
import { EXTENSION_OF, sendStoredFile } from "../../lib/uploads/uploads";
import type { MediaType } from "../../lib/uploads/attachments";
import { AppError } from "../../lib/errors";
import { readImageText } from "../jobcheck/jobcheck.image";

/** Text read from an image attachment; nothing of it is stored. */
const AttachmentTextSchema = z.object({ text: z.string(), confidence: z.number() });

const IdParam = z.object({ id: z.string().uuid() });
// Route-level gates (checked before validation); record-level rules are checked in the service (404 when out of scope).
const onlyQueue = { access: { policy: reportQueuePolicy, action: "queue" } };
const onlyInbox = { access: { policy: reportQueuePolicy, action: "inbox" } };
const policy = { access: { policy: reportQueuePolicy, action: "any" } };
const ListResponse = z.object({ items: z.array(ReportSummarySchema), total: z.number().int() });

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new ReportsService(app.ctx);

  app.get(
    "/",
    {
      config: onlyQueue,
      schema: {
        tags: ["pengaduan (staf)"],
        summary: "Antrean triase laporan (koordinator): baru, lewat batas waktu, per kategori dan kecamatan, pencarian teks",
        description:
          "Urutan: yang lewat batas waktu dulu, lalu batas waktu terdekat. `q` mencari teks laporan (konfigurasi 'indonesian'), " +
          "kode pelacakan, serta nomor telepon/rekening/akun media sosial (lewat hash, tanpa menyimpan nilainya).",
        querystring: QueueQuerySchema,
        response: { 200: ListResponse },
      },
    },
    async (req) => {
      const p = reportQueuePolicy.authorize(req.auth?.principal, "queue", undefined);
      return svc.queue(p, req.query);
    },
  );

  app.get(
    "/inbox",
    {
      config: onlyInbox,
      schema: {
        tags: ["pengaduan (staf)"],
        summary: "Kotak masuk instansi: laporan yang diteruskan ke instansi saya (operator instansi)",
        querystring: QueueQuerySchema.omit({ agencyId: true }),
        response: { 200: ListResponse },
      },
    },
    async (req) => {
      const p = reportQueuePolicy.authorize(req.auth?.principal, "inbox", undefined);
      return svc.inbox(p, req.query);
    },
  );

  app.get(
    "/:id",
    {
      config: policy,
      schema: {
        tags: ["pengaduan (staf)"],
        summary: "Rincian laporan: isi, orang dan kontak terlibat, riwayat, penerusan, lampiran, laporan terkait",
        description: "Laporan di luar wewenang menjawab 404. Setiap pembacaan dicatat di jejak audit.",
        params: IdParam,
        response: { 200: ReportDetailSchema },
      },
    },
    async (req) => svc.detail(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.get(
    "/:id/attachments/:attachmentId",
    {
      config: policy,
      schema: {
        tags: ["pengaduan (staf)"],
        summary: "Unduh lampiran laporan",
        params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
      },
    },
    async (req, reply) => {
      const a = await svc.attachment(requirePrincipal(req), actorOf(req), req.params.id, req.params.attachmentId);
      const ext = EXTENSION_OF[a.mediaType as MediaType] ?? "bin";
      return sendStoredFile(reply, { mediaType: a.mediaType, data: a.data, filename: `lampiran-${a.id.slice(0, 8)}.${ext}` });
    },
  );

  app.get(
    "/:id/attachments/:attachmentId/text",
    {
      config: policy,
      schema: {
        tags: ["pengaduan (staf)"],
        summary: "Baca tulisan pada lampiran gambar (OCR), misalnya tangkapan layar tawaran kerja",
        description:
          "Tulisan dibaca saat diminta dan tidak disimpan; nomor telepon dan akun media sosial dirapikan. " +
          "Dicatat di jejak audit sebagai pembacaan lampiran. Lampiran PDF: 400.",
        params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
        response: { 200: AttachmentTextSchema },
      },
    },
    async (req) => {
      const a = await svc.attachment(requirePrincipal(req), actorOf(req), req.params.id, req.params.attachmentId);
      if (!a.mediaType.startsWith("image/")) throw new AppError("validation_failed", { attachmentId: { code: "image_required" } });
      return readImageText(a.data);
    },
  );

  const step = <S extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: S,
    run: (req: { params: { id: string }; body: z.infer<S> } & Parameters<typeof actorOf>[0]) => Promise<unknown>,
  ) =>
    app.post(
      `/:id/${path}`,
      { config: policy, schema: { tags: ["pengaduan (staf)"], summary, params: IdParam, body, response: { 200: ReportDetailSchema } } },
      async (req) => run(req as any) as any,
    );

  step("verify", "Verifikasi laporan (koordinator; batas 3 hari kerja sejak diterima)", VerifySchema, (req) =>
    svc.verify(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("reject", "Tolak laporan dengan alasan (koordinator)", RejectSchema, (req) =>
    svc.reject(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("forward", "Teruskan ke satu atau beberapa instansi dengan instruksi (koordinator; tanggapan pertama dalam 5 hari kerja)", ForwardSchema, (req) =>
    svc.forward(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("responses", "Tanggapan instansi (operator instansi tujuan): catatan penanganan internal dan/atau untuk publik", ResponseSchema, (req) =>
    svc.respond(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("notes", "Tambah catatan (internal atau untuk publik)", NoteSchema, (req) =>
    svc.note(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("close", "Tutup laporan dengan hasil (koordinator)", CloseSchema, (req) =>
    svc.close(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("reopen", "Buka kembali laporan yang ditutup atau ditolak (koordinator)", ReopenSchema, (req) =>
    svc.reopen(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

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
        body: ToCaseSchema,
        response: { 201: ReportDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.toCase(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );
};

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["notifikasi"],
        summary: "Notifikasi saya (mis. laporan lewat batas waktu)",
        querystring: z.object({ unread: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: z.object({ unread: z.number().int(), items: z.array(NotificationSchema) }) },
      },
    },
    async (req) => listNotifications(app.ctx, requirePrincipal(req), req.query.unread === "true"),
  );

  app.post(
    "/:id/read",
    {
      config: { access: "authenticated" },
      schema: { tags: ["notifikasi"], summary: "Tandai notifikasi sudah dibaca", params: IdParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await markRead(app.ctx, requirePrincipal(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
