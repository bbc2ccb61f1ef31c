#!/usr/bin/env node
// Builds the web app into dist/web only when it is missing or older than its sources,
// so `npm start` and the e2e suite stay fast when nothing changed.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const marker = join(repo, "dist", "web", "index.html");
const sources = [join(repo, "src", "web"), join(repo, "vite.config.ts")];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale() {
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

if (isStale()) {
  console.log("simpul: building the web app (dist/web)…");
  // Always a production build, whatever NODE_ENV the caller runs under: vitest sets "test",
  // and Vite would then bundle React's development build (70% larger, slower).
  process.env.NODE_ENV = "production";
  const { build } = await import("vite");
  await build({ configFile: join(repo, "vite.config.ts"), mode: "production", logLevel: "warn" });
  console.log("simpul: web app built");
}
