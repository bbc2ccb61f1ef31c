// `npm run bench`: every benchmark in one run, so ratios compare figures from the same machine state.
// Pass names to run a subset: `npm run bench -- foundation jobcheck-engine`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const SUITES = [
  "foundation",
  "jobcheck-engine",
  "jobcheck-api",
  "report-intake",
  "report-search",
  "ocr",
  "image-reencode",
  "two-servers",
  "dashboard",
  "monthly-pdf",
];

const wanted = process.argv.slice(2);
const results: Record<string, Record<string, number>> = {};
for (const name of SUITES) {
  if (wanted.length && !wanted.includes(name)) continue;
  if (!fs.existsSync(path.join(here, `${name}.ts`))) continue;
  console.log(`\n== ${name} ==`);
  const mod = (await import(`./${name}.ts`)) as { run(): Promise<Record<string, number>> };
  results[name] = await mod.run();
}
const outFile = path.join(here, "..", ".tmp", "bench-results.json");
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`\nresults: ${path.relative(process.cwd(), outFile)}`);
process.exit(0);
