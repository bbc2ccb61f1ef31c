#!/usr/bin/env node
// `npx simpul …`: runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

if (process.argv[2] === "jobcheck") {
  // The job checker is run from scripts and by hand many times a minute: load only what it needs,
  // in this process, instead of starting the whole CLI (server config, database) in a child process.
  const { tsImport } = await import("tsx/esm/api");
  const { main } = await tsImport(join(root, "src/cli/jobcheck-main.ts"), import.meta.url);
  await main(process.argv);
} else {
  const require = createRequire(import.meta.url);
  const tsx = join(dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  const r = spawnSync(process.execPath, [tsx, join(root, "src/cli/main.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
