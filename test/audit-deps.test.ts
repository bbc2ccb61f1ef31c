// The offline dependency audit CI runs (scripts/audit-deps.mjs): fails on a known-vulnerable version.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve("scripts/audit-deps.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });

function lockWith(packages: Record<string, { version: string; name?: string }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-audit-deps-"));
  const file = path.join(dir, "package-lock.json");
  fs.writeFileSync(file, JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "x" }, ...packages } }));
  return file;
}

describe("offline dependency audit", () => {
  it("fails on a lockfile that pins a version named in the committed advisory snapshot", () => {
    const lock = lockWith({ "node_modules/minimist": { version: "1.2.5" }, "node_modules/a/node_modules/semver": { version: "7.5.1" } });
    const r = run("--lock", lock);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("minimist@1.2.5");
    expect(r.stderr).toContain("GHSA-xvch-5gv4-984h");
    expect(r.stderr).toContain("semver@7.5.1 (node_modules/a/node_modules/semver)");
  });

  it("passes fixed versions and the project's own lockfile", () => {
    expect(run("--lock", lockWith({ "node_modules/minimist": { version: "1.2.6" }, "node_modules/semver": { version: "6.3.1" } })).status).toBe(0);
    const own = run();
    expect(own.status, own.stderr).toBe(0);
  });

  it("imports advisories from npm audit --json output into the snapshot", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-audit-deps-"));
    const snapshot = path.join(dir, "advisories.json");
    fs.writeFileSync(snapshot, JSON.stringify({ updated: "2026-01-01", advisories: [] }));
    const report = path.join(dir, "npm-audit.json");
    const via = { source: 1, name: "left-pad", title: "t", url: "https://github.com/advisories/GHSA-test", severity: "low", range: "<1.3.0" };
    fs.writeFileSync(report, JSON.stringify({ vulnerabilities: { "left-pad": { name: "left-pad", via: [via] } } }));
    expect(run("--import", report, "--advisories", snapshot).status).toBe(0);
    const r = run("--lock", lockWith({ "node_modules/left-pad": { version: "1.2.0" } }), "--advisories", snapshot);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("GHSA-test");
  });
});
