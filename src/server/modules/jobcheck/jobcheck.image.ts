// "Cek Lowongan" from a screenshot or flyer: the image is read on the server (lib/ocr), the text is
// checked like a pasted offer, and the answer carries the text so the person can correct it and
// report it. The image is never stored: it lives in memory for the request only, and is not logged.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { JOB_TEXT_MAX } from "../../../core/jobcheck";
import { AppError } from "../../lib/errors";
import { readImageText } from "../../lib/ocr/ocr-read";
import { stopOcr } from "../../lib/ocr/ocr";
import { acceptRawUploads, rawUploadRoute } from "../../lib/uploads/uploads";
import { JobcheckResult } from "./jobcheck.schema";
import { checkOffer } from "./jobcheck.service";

export const JobcheckImageResult = JobcheckResult.extend({
  /** The text read from the image, with phone numbers and handles repaired; what was checked. */
  text: z.string(),
  /** Tesseract's mean word confidence, 0–100: a low value tells the person to check the text. */
  confidence: z.number(),
});

/** Reading an image costs a few seconds of a core: a sixth of the text checks' quota per client. */
export const imageChecksPerMinute = (checksPerMinute: number) => Math.max(1, Math.floor(checksPerMinute / 6));

export const jobcheckImageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicRateLimit, publicChecksPerMinute } = app.ctx.config;
  acceptRawUploads(app);
  app.addHook("onClose", async () => stopOcr());

  app.post(
    "/jobcheck/image",
    rawUploadRoute(
      {
        access: "public",
        rateLimit: { max: publicRateLimit ? imageChecksPerMinute(publicChecksPerMinute) : 1_000_000, timeWindow: 60_000 },
      },
      {
        tags: ["public"],
        summary: "Periksa tawaran kerja dari tangkapan layar atau brosur (gambar)",
        description:
          "Kirim isi gambar apa adanya sebagai badan permintaan (JPEG, PNG atau WebP, maksimal 5 MB), bukan multipart. " +
          "Tulisan di gambar dibaca di server (OCR bahasa Indonesia), nomor telepon dan akun media sosial dirapikan, lalu " +
          "diperiksa seperti teks yang ditempel. Gambar tidak disimpan. Jawaban berisi teks yang terbaca (`text`). " +
          "Bukan gambar: 400; tidak ada tulisan terbaca: 400 `image_no_text`; lebih dari 5 MB: 413; antrean penuh: 503.",
        response: { 200: JobcheckImageResult },
      },
      "Isi gambar (biner)",
    ),
    async (req) => {
      const { text, confidence } = await readImageText(req.body);
      const checked = text.slice(0, JOB_TEXT_MAX);
      if (checked.trim().length === 0) throw new AppError("validation_failed", { image: { code: "image_no_text" } });
      return { ...(await checkOffer(app.ctx, checked)), text: checked, confidence };
    },
  );
};
