// pdfmake set up once for every PDF the server writes (meeting minutes, leaflets). Fonts: the Roboto
// virtual file system shipped inside the pdfmake package; nothing is fetched, and documents may not load
// images or files from outside (every URL and local path is refused).
import { createRequire } from "node:module";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);

type PdfMake = {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

let pdfmake: PdfMake | undefined;
function pdfMaker(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require("pdfmake") as PdfMake;
  const vfs = require("pdfmake/build/vfs_fonts.js") as Record<string, string>;
  for (const [name, b64] of Object.entries(vfs)) pm.virtualfs.writeFileSync(name, Buffer.from(b64, "base64"));
  pm.setFonts({
    Roboto: {
      normal: "Roboto-Regular.ttf",
      bold: "Roboto-Medium.ttf",
      italics: "Roboto-Italic.ttf",
      bolditalics: "Roboto-MediumItalic.ttf",
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  pdfmake = pm;
  return pm;
}

/** A document as PDF bytes. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfMaker().createPdf(doc).getBuffer();
}
