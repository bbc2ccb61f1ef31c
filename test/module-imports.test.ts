// The module rule (docs/ARCHITECTURE.md, "Module rule"), checked on the source: no two feature modules
// import each other, directly or through a cycle, and a module reaches another only through its public
// files. A small scanner of import specifiers, no dependency: the graph is built from the files themselves.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(import.meta.dirname, "../src/server");
const MODULES = path.join(SERVER, "modules");

/** Files another module may import: the service (use cases), the policy, the tables (foreign keys) and the schema. */
const PUBLIC_PART = /^[a-z0-9-]+\.(service|policy|tables|schema)\.ts$/;

type Edge = { from: string; to: string; file: string; target: string };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    // Tests and test fixtures may reach across modules to set up data; the running server may not.
    return /\.tsx?$/.test(e.name) && !/\.(test|fixtures)\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Relative import and export specifiers of a file, type-only imports included (they still couple the modules). */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs.filter((s) => s.startsWith("."));
}

/** The node a file belongs to: a feature module's name, "auth", or null for lib/, db/, core/ and the rest. */
function nodeOf(file: string): string | null {
  const rel = path.relative(SERVER, file).split(path.sep);
  if (rel[0] === "modules" && rel.length > 2) return rel[1]!;
  if (rel[0] === "auth") return "auth";
  return null;
}

function resolveTs(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ""));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return base;
}

function edges(): Edge[] {
  const files = [...sourceFiles(MODULES), ...sourceFiles(path.join(SERVER, "auth")), ...sourceFiles(path.join(SERVER, "lib")), ...sourceFiles(path.join(SERVER, "db"))];
  const out: Edge[] = [];
  for (const file of files) {
    const from = nodeOf(file) ?? path.relative(SERVER, file).split(path.sep)[0]!;
    for (const spec of importsOf(fs.readFileSync(file, "utf8"))) {
      const target = resolveTs(file, spec);
      const to = nodeOf(target);
      if (to && to !== from) out.push({ from, to, file: path.relative(SERVER, file), target: path.relative(SERVER, target) });
    }
  }
  return out;
}

/** Every cycle's nodes (strongly connected components of more than one node), by Tarjan's algorithm. */
export function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("module imports", () => {
  const all = edges();
  const graph = new Map<string, Set<string>>();
  for (const e of all) {
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    graph.get(e.from)!.add(e.to);
  }

  it("finds a cycle when there is one (the scanner and the cycle search work)", () => {
    expect(importsOf(`import { a } from "./x";\nimport type { B } from '../y/y.service';\nexport { c } from "./z";\nconst m = await import("./w");`)).toEqual([
      "./x",
      "../y/y.service",
      "./z",
      "./w",
    ]);
    const g = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cyclesOf(g)).toEqual([["a", "b", "c"]]);
    expect(cyclesOf(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });

  it("has no import cycle between modules (auth counted as one)", () => {
    const cycles = cyclesOf(graph).map((c) => {
      const inCycle = new Set(c);
      return all.filter((e) => inCycle.has(e.from) && inCycle.has(e.to)).map((e) => `${e.file} -> ${e.target}`);
    });
    expect(cycles).toEqual([]);
  });

  it("lib/ and db/ import no feature module and no auth", () => {
    expect(all.filter((e) => e.from === "lib" || e.from === "db").map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });

  it("reaches another module only through its public files (service, policy, tables, schema)", () => {
    // auth is a foundation layer every module uses (principal, policy, route access, sessions), not a feature module.
    const bad = all.filter((e) => e.from !== "lib" && e.from !== "db" && e.to !== "auth" && !PUBLIC_PART.test(path.basename(e.target)));
    expect(bad.map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });
});
