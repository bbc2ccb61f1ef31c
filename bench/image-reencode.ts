/**
 * Upload re-encoding: milliseconds per 12 MP phone photo (4000 × 3000 JPEG, ~3–4 MB like a cheap phone's
 * camera writes, with EXIF orientation and GPS) through `cleanAttachment`, the step every uploaded image
 * takes (full decode, turned upright, fitted into 2000 × 1500, written again without metadata). Also a
 * phone screenshot (1080 × 2400 PNG). Median and p90 of 10 runs each, after one warm-up.
 */
import sharp from "sharp";
import { cleanAttachment } from "../src/server/lib/uploads/attachments";
import { fmt, median, percentile } from "./lib";

const RUNS = 10;

/** A photo-like picture: smooth gradients with fine noise, so the JPEG is as large as a real photo. */
async function phonePhoto(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed >> 16) % 24;
      const i = (y * width + x) * 3;
      raw[i] = ((x * 200) / width + n) & 255;
      raw[i + 1] = ((y * 180) / height + n) & 255;
      raw[i + 2] = (((x + y) * 120) / (width + height) + 60 + n) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 0/1 44/1", GPSLongitudeRef: "E", GPSLongitude: "106/1 14/1 4/1" } })
    .toBuffer();
}

/** Wall time per run, and the process's CPU time (all of sharp's threads), which a busy machine inflates less. */
async function time(input: Buffer): Promise<{ times: number[]; cpuMs: number; out: Buffer }> {
  let out = (await cleanAttachment(input)).data; // warm-up
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    out = (await cleanAttachment(input)).data;
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { times, cpuMs: (cpu.user + cpu.system) / 1000 / RUNS, out };
}

export async function run(): Promise<Record<string, number>> {
  const photo = await phonePhoto(4000, 3000);
  const p = await time(photo);
  const pm = await sharp(p.out).metadata();
  const shot = await sharp({ create: { width: 1080, height: 2400, channels: 3, background: "#f0f0f0" } })
    .composite([
      {
        input: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="2400"><text x="40" y="200" font-size="48">Lowongan kerja Malaysia gaji 15 juta, hubungi 081234567890</text></svg>`,
        ),
      },
    ])
    .png()
    .toBuffer();
  const s = await time(shot);
  const result = {
    photoInputMB: photo.length / 1e6,
    photoMedianMs: median(p.times),
    photoP90Ms: percentile(p.times, 90),
    photoCpuMs: p.cpuMs,
    photoOutputKB: p.out.length / 1e3,
    screenshotMedianMs: median(s.times),
    screenshotOutputKB: s.out.length / 1e3,
  };
  console.log(
    `  12 MP JPEG (${fmt(result.photoInputMB, 1)} MB) → ${pm.width} × ${pm.height}, ${fmt(result.photoOutputKB)} KB: median ${fmt(result.photoMedianMs)} ms, p90 ${fmt(result.photoP90Ms)} ms, CPU ${fmt(result.photoCpuMs)} ms`,
  );
  console.log(`  1080 × 2400 PNG screenshot → ${fmt(result.screenshotOutputKB)} KB: median ${fmt(result.screenshotMedianMs)} ms`);
  return result;
}
