// Reads the text a PDF draws, for tests of generated PDFs (minutes, periodic reports).
import { inflateSync } from "node:zlib";

/**
 * The text drawn on the pages: every object's stream inflated, each font's ToUnicode map read, and the
 * hex glyph strings of TJ operators decoded with the map of the font selected by the preceding Tf.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const objects = new Map<string, { dict: string; stream: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(m[1]!, { dict: body, stream: "" });
      continue;
    }
    const start = m.index! + m[0].indexOf(body) + at + body.slice(at).indexOf("\n") + 1;
    const end = raw.indexOf("endstream", start);
    let stream: string;
    try {
      stream = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      stream = raw.slice(start, end);
    }
    objects.set(m[1]!, { dict: body.slice(0, at), stream });
  }
  const cmapOf = (cmap: string) => {
    const map = new Map<string, string>();
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
        const from = Number.parseInt(r[1]!, 16);
        let i = 0;
        // A ligature maps to several code units: <0066 0069> is "fi".
        for (const u of r[3]!.matchAll(/<([0-9a-f\s]+)>/gi)) {
          const text = String.fromCharCode(...u[1]!.split(/\s+/).filter(Boolean).map((h) => Number.parseInt(h, 16)));
          map.set((from + i++).toString(16).padStart(r[1]!.length, "0"), text);
        }
      }
    }
    return map;
  };
  // Font names (F1, F2…) are local to a resource dictionary: a chart drawn as a form can reuse a name for
  // another subset of the same font. Each text run is decoded with every map its name may stand for, so
  // a search finds the text, and a "does not contain" check sees every reading.
  const fonts = new Map<string, Map<string, Map<string, string>>>();
  for (const o of objects.values()) {
    for (const f of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = objects.get(f[2]!)?.dict.match(/\/ToUnicode (\d+) 0 R/);
      if (!toUnicode) continue;
      const byObject = fonts.get(f[1]!) ?? new Map<string, Map<string, string>>();
      byObject.set(f[2]!, cmapOf(objects.get(toUnicode[1]!)?.stream ?? ""));
      fonts.set(f[1]!, byObject);
    }
  }
  const lines: string[] = [];
  for (const o of objects.values()) {
    let maps: Map<string, string>[] = [];
    for (const op of o.stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) {
        maps = [...(fonts.get(op[1])?.values() ?? [])];
        continue;
      }
      for (const map of maps) {
        let line = "";
        for (const part of op[2]!.matchAll(/<([0-9a-f]+)>|(-?\d+(?:\.\d+)?)/gi)) {
          if (part[1]) for (let i = 0; i < part[1].length; i += 4) line += map.get(part[1].slice(i, i + 4).toLowerCase()) ?? "?";
          else if (Number(part[2]) < -100) line += " ";
        }
        lines.push(line);
      }
    }
  }
  return lines.join(" ").replace(/\s+/g, " ");
}
