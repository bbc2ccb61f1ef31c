// The journeys test the built app that the server serves: rebuild dist/web first if it is stale
// (a no-op when `npm run test:e2e` already did it).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const script = fileURLToPath(new URL("../../scripts/ensure-web-build.mjs", import.meta.url));
  execFileSync(process.execPath, [script], { stdio: "inherit" });
}
