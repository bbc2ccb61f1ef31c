#!/usr/bin/env node
// The npm registry reachable here lacks some platform builds of optional native packages (e.g.
// @biomejs/cli-win32-x64). `npm install` skips them silently but keeps the edges in package-lock.json,
// and `npm ci` then refuses the lock as out of sync. This drops optional edges to packages the lock does
// not contain. Run it after every `npm install` that changes the lock: `node scripts/prune-lockfile.mjs`.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const present = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, "")));
let pruned = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  if (!pkg.optionalDependencies) continue;
  for (const dep of Object.keys(pkg.optionalDependencies)) {
    if (!present.has(dep)) {
      delete pkg.optionalDependencies[dep];
      pruned++;
      console.log(`pruned ${key || "(root)"} -> ${dep}`);
    }
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${pruned} optional edge(s) to absent packages removed`);
