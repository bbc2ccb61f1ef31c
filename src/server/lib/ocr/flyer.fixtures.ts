// A job-offer flyer rendered to PNG for tests, the benchmark and the browser journey: SVG text drawn
// by sharp (librsvg) with Debian's DejaVu Sans, so nothing is downloaded. Fictional content.
import sharp from "sharp";

export const FLYER_LINES = [
  "LOWONGAN KERJA LUAR NEGERI",
  "Admin online di Kamboja",
  "Gaji 15 juta per bulan",
  "Tanpa pengalaman, berangkat gratis",
  "Visa turis, diurus di sana",
  "Hubungi WA 0812 3456 7890",
  "IG @lokercepat.kh",
];

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A flyer as PNG: dark text on a light, slightly coloured card, like a phone screenshot (1080 px wide). */
export async function renderFlyerPng(lines: readonly string[] = FLYER_LINES, width = 1080): Promise<Buffer> {
  const lineHeight = 64;
  const height = 120 + lines.length * lineHeight;
  const text = lines
    .map((line, i) => {
      const size = i === 0 ? 48 : 40;
      const weight = i === 0 ? "bold" : "normal";
      return `<text x="60" y="${100 + i * lineHeight}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" fill="#1a1a1a">${escapeXml(line)}</text>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff8e1"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
