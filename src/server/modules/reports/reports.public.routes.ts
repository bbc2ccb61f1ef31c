// Public (no sign-in) report endpoints: intake, attachment upload, status lookup.
// Each has a per-client quota (SIMPUL_REPORTS_PER_HOUR, SIMPUL_REPORT_LOOKUPS_PER_HOUR; off only with
// SIMPUL_PUBLIC_RATE_LIMIT=0 for load tests) and a body size cap.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AttachmentUploadedSchema, LookupSchema, PublicStatusSchema, ReportCreatedSchema, ReportCreateSchema } from "./reports.schema";
import { ReportIntake } from "./reports.intake";
import { lookupReport } from "./reports.lookup";
import { acceptRawUploads, rawUploadRoute } from "../../lib/uploads/uploads";

const HOUR = 3_600_000;

export const publicReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const intake = new ReportIntake(app.ctx);
  const cfg = app.ctx.config;
  const limit = (perHour: number) => ({ rateLimit: { max: cfg.publicRateLimit ? perHour : 1_000_000, timeWindow: HOUR } });

  // Raw file bodies, only inside this plugin. The type is sniffed from the bytes; the header is not trusted.
  acceptRawUploads(app);

  app.post(
    "/",
    {
      bodyLimit: 128 * 1024,
      config: { access: "public", ...limit(cfg.reportsPerHour) },
      schema: {
        tags: ["pengaduan"],
        summary: "Kirim laporan (pengaduan) dugaan TPPO",
        description:
          "Menjawab 201 dengan kode pelacakan dan PIN setelah laporan tersimpan permanen. Kiriman ulang dengan submissionId yang sama " +
          "tidak membuat laporan baru: jawabannya 200 dengan kode dan PIN yang sama (klien yang kehilangan jawaban dapat mencoba lagi). " +
          "Lampiran diunggah dulu lewat POST /api/public/reports/attachments, lalu ID-nya dikirim di `attachments`. " +
          "Isian yang salah: 400 dengan pesan per isian di error.fields; tidak ada yang disimpan.",
        body: ReportCreateSchema,
        response: { 201: ReportCreatedSchema, 200: ReportCreatedSchema },
      },
    },
    async (req, reply) => {
      const r = await intake.submit(req.body);
      return reply.status(r.created ? 201 : 200).send({ trackingCode: r.trackingCode, pin: r.pin });
    },
  );

  app.post(
    "/attachments",
    rawUploadRoute(
      { access: "public", ...limit(cfg.reportsPerHour * 5) },
      {
        tags: ["pengaduan"],
        summary: "Unggah satu lampiran (foto atau PDF) untuk laporan",
        description:
          "Kirim isi berkas apa adanya sebagai badan permintaan (bukan multipart), dengan Content-Type application/octet-stream " +
          "(atau image/jpeg, image/png, image/webp, application/pdf). Maksimal 5 MB per berkas dan 5 berkas per laporan. " +
          "Jenis berkas diperiksa dari isinya; gambar dibuka utuh lalu disimpan ulang (diputar tegak menurut EXIF, sisi terpanjang " +
          "maksimal 4096 px dan sisi terpendek 1500 px) tanpa metadata apa pun (EXIF, lokasi GPS, XMP, teks PNG); pada PDF, kamus Info " +
          "(Author, Creator, Producer, Title, tanggal) dan XMP dikosongkan tanpa mengubah susunan berkas. " +
          "Jawaban berisi attachmentId untuk isian `attachments` laporan; lampiran yang tidak dipakai dalam 24 jam dihapus. " +
          "Jenis lain: 415; lebih dari 5 MB: 413; gambar rusak atau terpotong: 400 (`file`: `image_broken`); PDF terpotong: 400 " +
          "(`file`: `pdf_broken`); PDF dengan JavaScript, tindakan otomatis (/OpenAction, /AA), /Launch, berkas sisipan, RichMedia, XFA " +
          "atau pengiriman formulir: 400 (`file`: `pdf_active_content`); PDF terenkripsi, yang kamus Info-nya di dalam object stream " +
          "atau yang object stream-nya tak terbaca: 400 `pdf_not_cleanable`.",
        response: { 201: AttachmentUploadedSchema },
      },
    ),
    async (req, reply) => {
      return reply.status(201).send(await intake.upload(req.body));
    },
  );

  app.post(
    "/lookup",
    {
      bodyLimit: 4 * 1024,
      config: { access: "public", ...limit(cfg.reportLookupsPerHour) },
      schema: {
        tags: ["pengaduan"],
        summary: "Lihat status laporan dengan kode pelacakan dan PIN",
        description:
          "Menampilkan status dan riwayat dengan catatan untuk publik saja. Kode atau PIN salah: 404 `pin_wrong` (tanpa menyebut " +
          "yang mana) dengan `attemptsLeft`. Setelah 5 percobaan salah dari satu klien untuk satu kode (atau 20 dalam 15 menit dari " +
          "siapa pun), jawabannya 429 `pin_locked` dengan `retryAt` (waktu kunci berakhir) dan header Retry-After.",
        body: LookupSchema,
        response: { 200: PublicStatusSchema },
      },
    },
    async (req) => lookupReport(app.ctx, req.body.trackingCode, req.body.pin, req.ip),
  );
};
