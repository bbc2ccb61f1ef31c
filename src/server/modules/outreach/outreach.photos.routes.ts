// Photos of an outreach session: add (raw file body), view, remove. A plugin of its own so the raw
// file parser applies only here. Listing is the `photos` field of the session.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { routeDoc } from "../../auth/route-access";
import { sendDownload } from "../../lib/downloads";
import { acceptRawUploads, downloadName, rawUploadRoute } from "../../lib/uploads/uploads";
import { OutreachPhotos } from "./outreach.photos";
import { outreachRoutePolicy } from "./outreach.policy";
import { SessionPhotoSchema } from "./outreach.schema";

const tags = ["sosialisasi"];
const doc = routeDoc(tags);
const gate = { access: { policy: outreachRoutePolicy, action: "record" as const } };
const PhotoParams = z.object({ id: z.string().uuid(), photoId: z.string().uuid() });

export const outreachPhotoRoutes: FastifyPluginAsyncZod = async (app) => {
  const photos = new OutreachPhotos(app.ctx);
  acceptRawUploads(app);

  app.post(
    "/sessions/:id/photos",
    rawUploadRoute(
      gate,
      {
        tags,
        summary: "Tambah foto sesi (pencatat sesi, koordinator/admin, atau staf instansi penyelenggara)",
        description:
          "Kirim isi berkas apa adanya sebagai badan permintaan (bukan multipart). Hanya foto JPEG, PNG atau WebP; jenis diperiksa dari isinya " +
          "dan metadata (EXIF, lokasi GPS, XMP) dihapus. Maksimal 5 MB per foto (413) dan 5 foto per sesi. Jenis lain atau foto keenam: 400 " +
          "dengan pesan di error.fields.file. Foto yang sama dikirim ulang: 200 dengan foto yang sudah tersimpan. Sesi di luar wewenang: 404.",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: SessionPhotoSchema, 201: SessionPhotoSchema },
      },
      "Isi berkas foto (biner)",
    ),
    async (req, reply) => {
      const r = await photos.upload(requirePrincipal(req), actorOf(req), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r.photo);
    },
  );

  app.get(
    "/sessions/:id/photos/:photoId",
    doc(gate, "Unduh foto sesi (konsol menampilkannya lewat <img>; setiap pembukaan dicatat di jejak audit)", {
      params: PhotoParams,
    }),
    async (req, reply) => {
      const { row, data } = await photos.read(requirePrincipal(req), actorOf(req), req.params.id, req.params.photoId);
      const filename = downloadName(`foto-sosialisasi-${row.id.slice(0, 8)}`, row.mediaType);
      return sendDownload(reply, { contentType: row.mediaType, data, filename });
    },
  );

  app.delete(
    "/sessions/:id/photos/:photoId",
    {
      config: gate,
      schema: { tags, summary: "Hapus foto sesi (berkasnya ikut dihapus)", params: PhotoParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await photos.remove(requirePrincipal(req), actorOf(req), req.params.id, req.params.photoId);
      return reply.status(204).send(null);
    },
  );
};
