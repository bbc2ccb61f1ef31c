/**
 * OCR seconds per image: a generated flyer (1080 px wide, 7 lines, DejaVu Sans, like a phone screenshot)
 * read by the server's tesseract.js worker with the Indonesian model. Reports the first image (worker
 * start and model load included), then the median and p90 of 10 images on the warm worker, and whether
 * the checker got the phone number right.
 */
import { renderFlyerPng } from "../src/server/lib/ocr/flyer.fixtures";
import { prepareForOcr, recognizeImage, stopOcr } from "../src/server/lib/ocr/ocr";
import { fmt, median, percentile } from "./lib";

const RUNS = 10;

export async function run(): Promise<Record<string, number>> {
  const flyer = await renderFlyerPng();
  const t0 = performance.now();
  const first = await recognizeImage(flyer);
  const coldMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await recognizeImage(flyer)).ms);
  const p0 = performance.now();
  for (let i = 0; i < RUNS; i++) await prepareForOcr(flyer);
  const prepareMs = (performance.now() - p0) / RUNS;
  await stopOcr();
  const result = {
    coldSeconds: coldMs / 1000,
    medianSeconds: median(times) / 1000,
    p90Seconds: percentile(times, 90) / 1000,
    prepareMs,
    phoneRead: first.text.includes("081234567890") ? 1 : 0,
    confidence: first.confidence,
  };
  console.log(`  first image (worker start + model): ${fmt(result.coldSeconds, 2)} s`);
  console.log(`  warm worker, ${RUNS} images: median ${fmt(result.medianSeconds, 2)} s, p90 ${fmt(result.p90Seconds, 2)} s per image`);
  console.log(
    `  of which image preparation (sharp): ${fmt(prepareMs, 0)} ms; confidence ${first.confidence}; phone read: ${result.phoneRead ? "yes" : "no"}`,
  );
  return result;
}
