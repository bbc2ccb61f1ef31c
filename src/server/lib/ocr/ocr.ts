// Text from screenshots and flyers, read on the server with tesseract.js and the Indonesian model
// shipped in the npm package @tesseract.js-data/ind. Nothing is downloaded at run time: the model is
// read from node_modules (cacheMethod "none", so no cache file is written either) and the WASM core
// comes from tesseract.js-core. One worker is started on first use and reused (loading the model
// costs about a second); jobs queue behind it. The image only lives in memory during the job.
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { createWorker, type Worker } from "tesseract.js";
import { cleanOcrText } from "./ocr-clean";

const require = createRequire(import.meta.url);
/** Folder holding ind.traineddata.gz inside the data package. */
export const IND_LANG_PATH = path.join(path.dirname(require.resolve("@tesseract.js-data/ind/package.json")), "4.0.0");

/** Jobs waiting beyond this are refused (503 ocr_busy) rather than queued for minutes. */
const MAX_WAITING = 8;
/** Decoding bombs: a 5 MB PNG can claim a gigapixel. */
const MAX_INPUT_PIXELS = 40_000_000;
/** Tesseract reads text best at about 30 px per line; screenshots from phones are ~1080 px wide. */
const MIN_WIDTH = 1200;
const MAX_EDGE = 2400;

export class OcrBusy extends Error {}
export class OcrUnreadable extends Error {}

export type OcrResult = { text: string; rawText: string; confidence: number; ms: number };

let worker: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

function startWorker(): Promise<Worker> {
  worker ??= createWorker("ind", 1, {
    langPath: IND_LANG_PATH,
    cachePath: IND_LANG_PATH,
    cacheMethod: "none",
    gzip: true,
  })
    .then(async (w) => {
      // Screenshots carry no resolution; without this Tesseract guesses one and warns on stderr.
      await w.setParameters({ user_defined_dpi: "300" });
      return w;
    })
    .catch((err) => {
      worker = null;
      throw err;
    });
  return worker;
}

/** Greyscale, EXIF-rotated, scaled into the range Tesseract reads best, as PNG. Throws OcrUnreadable for non-images. */
export async function prepareForOcr(image: Buffer): Promise<Buffer> {
  try {
    const img = sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
    const meta = await img.metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
    if (!width || !height) throw new OcrUnreadable("no size");
    const long = Math.max(width, height);
    const scale = width < MIN_WIDTH ? Math.min(MIN_WIDTH / width, MAX_EDGE / long) : long > MAX_EDGE ? MAX_EDGE / long : 1;
    const resized = scale === 1 ? img : img.resize(Math.round(width * scale), Math.round(height * scale), { kernel: "lanczos3" });
    return await resized.flatten({ background: "#ffffff" }).greyscale().normalise().png({ compressionLevel: 1 }).toBuffer();
  } catch (err) {
    if (err instanceof OcrUnreadable) throw err;
    throw new OcrUnreadable((err as Error)?.message ?? "unreadable");
  }
}

/** Reads the text of one image; the cleaned text has phone numbers and @handles repaired (see ocr-clean.ts). */
export async function recognizeImage(image: Buffer): Promise<OcrResult> {
  if (waiting >= MAX_WAITING) throw new OcrBusy("queue full");
  waiting++;
  const started = performance.now();
  const job = queue.then(async () => {
    const png = await prepareForOcr(image);
    const w = await startWorker();
    const { data } = await w.recognize(png);
    return data;
  });
  queue = job.catch(() => undefined);
  try {
    const data = await job;
    const rawText = data.text.trim();
    return { rawText, text: cleanOcrText(rawText), confidence: Math.round(data.confidence), ms: Math.round(performance.now() - started) };
  } finally {
    waiting--;
  }
}

/** Stops the worker (app close, end of a benchmark); the next image starts a new one. */
export async function stopOcr(): Promise<void> {
  const current = worker;
  worker = null;
  if (!current) return;
  await queue;
  await (await current.catch(() => null))?.terminate();
}
