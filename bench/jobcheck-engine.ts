/**
 * Job-offer checker throughput: messages per second on one thread, median of 7 timed runs over
 * a mixed corpus built from test/jobcheck/train.jsonl (all texts, repeated to ~5,000 messages).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkJobOffer } from "../src/core/jobcheck/index.js";

const RUNS = 7;
const TARGET_MESSAGES = 5_000;

function loadCorpus(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, "..", "test", "jobcheck", "train.jsonl");
  const texts = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const out: string[] = [];
  while (out.length < TARGET_MESSAGES) out.push(...texts);
  return out.slice(0, TARGET_MESSAGES);
}

export async function run(): Promise<Record<string, number>> {
  const corpus = loadCorpus();
  // Warm-up (JIT) on part of the corpus.
  for (let i = 0; i < 1_000; i++) checkJobOffer(corpus[i % corpus.length]);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let sink = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const text of corpus) sink += checkJobOffer(text).score;
    const cpu = process.cpuUsage(c0);
    const ms = performance.now() - t0;
    rates.push((corpus.length / ms) * 1000);
    // CPU time of this process: the per-core rate even when other work shares the machine.
    cpuRates.push(corpus.length / ((cpu.user + cpu.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  const avgChars = corpus.reduce((s, t) => s + t.length, 0) / corpus.length;
  const result = {
    jobcheck_msgs_per_sec: Math.round(median),
    jobcheck_msgs_per_sec_min: Math.round(rates[0]),
    jobcheck_msgs_per_cpu_sec: Math.round(cpuRates[Math.floor(cpuRates.length / 2)]),
    jobcheck_avg_chars: Math.round(avgChars),
  };
  console.log(
    `jobcheck engine: ${result.jobcheck_msgs_per_sec} msg/s median of ${RUNS} runs (min ${result.jobcheck_msgs_per_sec_min}), ` +
      `${result.jobcheck_msgs_per_cpu_sec} msg per CPU-second, ` +
      `${corpus.length} msgs/run, avg ${result.jobcheck_avg_chars} chars${sink < 0 ? "" : ""}`,
  );
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
