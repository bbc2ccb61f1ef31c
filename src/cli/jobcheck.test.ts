// `simpul jobcheck` through bin/simpul.js, the way npx runs it: the in-process fast path.
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "simpul.js");
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, "jobcheck", ...args], { input, encoding: "utf8" });

describe("simpul jobcheck", () => {
  it("answers one JSON line per input line, in order, with an error line for bad input", () => {
    const r = run(
      [],
      '{"id":"a","text":"kerja admin di Kamboja gj 15jt, tnpa pglmn"}\nnot json\n{"id":"b","text":"Loker kasir di Serang, gaji UMK"}\n',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? null)).toEqual(["a", null, "b"]);
    expect(lines[0].level).toBe("tinggi");
    expect(lines[0].flags).toContain("no_skill_required");
    expect(lines[1].error).toBe("JSON tidak valid");
    expect(lines[2].level).toBe("rendah");
  });

  it("prints a readable report for --text and exits 2 on empty text", () => {
    const out = execFileSync(process.execPath, [bin, "jobcheck", "--text", "Kerja di Poipet gj 1.500 USD, WA Kak Rina 0812-1111-2222"], {
      encoding: "utf8",
    });
    expect(out).toContain("TINGGI");
    expect(out).toContain("Poipet (KH)");
    const empty = run(["--text", "  "]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("kosong");
  });
});
