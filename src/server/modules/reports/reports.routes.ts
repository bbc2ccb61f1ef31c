// Staff endpoints for public reports: triage queue, agency inbox, one report and its handling steps.
// Order in every handler: validate (schema) → authenticate (access) → authorize (policy) → service → present.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { reportQueuePolicy } from "./reports.policy";
import {
  CloseSchema,
  ForwardSchema,
  NoteSchema,
  QueueQuerySchema,
  RejectSchema,
  ReopenSchema,
  ReportDetailSchema,
  ReportSummarySchema,
  ResponseSchema,
  VerifySchema,
} from "./reports.schema";
import { type CaseVisibility, ReportsService } from "./reports.service";
import { sendDownload } from "../../lib/downloads";
import { downloadName } from "../../lib/uploads/uploads";
import { IdParam } from "../../lib/validation";
import { AppError } from "../../lib/errors";
import { readImageText } from "../../lib/ocr/ocr-read";

/** Text read from an image attachment; nothing of it is stored. */
const AttachmentTextSchema = z.object({ text: z.string(), confidence: z.number() });

// Route-level gates (checked before validation); record-level rules are checked in the service (404 when out of scope).
const onlyQueue = { access: { policy: reportQueuePolicy, action: "queue" } };
const onlyInbox = { access: { policy: reportQueuePolicy, action: "inbox" } };
const policy = { access: { policy: reportQueuePolicy, action: "any" } };
const ListResponse = z.object({ items: z.array(ReportSummarySchema), total: z.number().int() });

/** `caseVisible` comes from the cases module (app.ts hands it in), so reports does not import cases. */
export const reportRoutes: FastifyPluginAsyncZod<{ caseVisible: CaseVisibility }> = async (app, opts) => {
  const svc = new ReportsService(app.ctx, opts.caseVisible);
  const triage = svc.triage;

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
      return sendDownload(reply, {
        contentType: a.mediaType,
        data: a.data,
        filename: downloadName(`lampiran-${a.id.slice(0, 8)}`, a.mediaType),
      });
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
    triage.verify(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("reject", "Tolak laporan dengan alasan (koordinator)", RejectSchema, (req) =>
    triage.reject(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step(
    "forward",
    "Teruskan ke satu atau beberapa instansi dengan instruksi (koordinator; tanggapan pertama dalam 5 hari kerja)",
    ForwardSchema,
    (req) => triage.forward(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step(
    "responses",
    "Tanggapan instansi (operator instansi tujuan): catatan penanganan internal dan/atau untuk publik",
    ResponseSchema,
    (req) => triage.respond(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("notes", "Tambah catatan (internal atau untuk publik)", NoteSchema, (req) =>
    triage.note(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("close", "Tutup laporan dengan hasil (koordinator)", CloseSchema, (req) =>
    triage.close(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
  step("reopen", "Buka kembali laporan yang ditutup atau ditolak (koordinator)", ReopenSchema, (req) =>
    triage.reopen(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );
};
