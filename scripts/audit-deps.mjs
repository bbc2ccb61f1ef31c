#!/usr/bin/env node
// Offline dependency audit: checks every package in package-lock.json against a committed advisory
// snapshot (security/advisories.json) and exits 1 when an installed version is known to be vulnerable.
// No network: CI must not depend on an audit endpoint (the registry mirror here refuses npm's bulk
// advisory POST with 405, see security/README.md).
//
//   node scripts/audit-deps.mjs [--lock FILE] [--advisories FILE] [--max-age-days N]
//   node scripts/audit-deps.mjs --import npm-audit.json [--advisories FILE]   # refresh the snapshot
//
// --import merges the output of `npm audit --json` (run where the endpoint answers) into the snapshot.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const opts = { lock: path.join(root, "package-lock.json"), advisories: path.join(root, "security/advisories.json"), maxAgeDays: 120 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lock") opts.lock = argv[++i];
    else if (a === "--advisories") opts.advisories = argv[++i];
    else if (a === "--import") opts.import = argv[++i];
    else if (a === "--max-age-days") opts.maxAgeDays = Number(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

/** [major, minor, patch, prerelease?]; prerelease sorts before the release. */
function parseVersion(v) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(String(v).trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0), m[4] ?? null];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  if (a[3] === b[3]) return 0;
  if (a[3] === null) return 1;
  if (b[3] === null) return -1;
  return a[3] < b[3] ? -1 : 1;
}

/** npm-style ranges: `<5.7.2 || >=6.0.0 <6.3.1`, `*`, `=1.2.3`, `1.2.3`. */
export function satisfies(version, range) {
  const v = parseVersion(version);
  if (!v) return false;
  return range.split("||").some((part) => {
    const comparators = part.trim().split(/\s+/).filter(Boolean);
    if (comparators.length === 0 || (comparators.length === 1 && comparators[0] === "*")) return true;
    return comparators.every((c) => {
      const m = /^(<=|>=|<|>|=)?(.+)$/.exec(c);
      const want = m && parseVersion(m[2]);
      if (!want) return false;
      const d = compare(v, want);
      switch (m[1] ?? "=") {
        case "<":
          return d < 0;
        case "<=":
          return d <= 0;
        case ">":
          return d > 0;
        case ">=":
          return d >= 0;
        default:
          return d === 0;
      }
    });
  });
}

/** Every installed package (name, version, where) from a lockfile v2/v3. */
export function installedPackages(lock) {
  const out = [];
  for (const [where, meta] of Object.entries(lock.packages ?? {})) {
    if (!where || !meta.version) continue;
    const name = meta.name ?? where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    out.push({ name, version: meta.version, where });
  }
  return out;
}

export function findVulnerable(lock, snapshot) {
  const byName = new Map();
  for (const a of snapshot.advisories ?? []) {
    if (!byName.has(a.package)) byName.set(a.package, []);
    byName.get(a.package).push(a);
  }
  const hits = [];
  for (const p of installedPackages(lock)) {
    for (const a of byName.get(p.name) ?? []) if (satisfies(p.version, a.vulnerable)) hits.push({ ...p, advisory: a });
  }
  return hits;
}

/** Advisories from `npm audit --json` (npm 7+): vulnerabilities[name].via[] objects. */
export function advisoriesFromNpmAudit(report) {
  const out = [];
  for (const [name, vuln] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vuln.via ?? []) {
      if (typeof via !== "object" || !via.range) continue;
      const id = String(via.url ?? via.source)
        .split("/")
        .pop();
      out.push({ id, package: via.name ?? name, severity: via.severity, title: via.title, url: via.url, vulnerable: via.range });
    }
  }
  return out;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const snapshot = fs.existsSync(opts.advisories) ? JSON.parse(fs.readFileSync(opts.advisories, "utf8")) : { advisories: [] };
  if (opts.import) {
    const incoming = advisoriesFromNpmAudit(JSON.parse(fs.readFileSync(opts.import, "utf8")));
    const key = (a) => `${a.id}|${a.package}`;
    const merged = new Map((snapshot.advisories ?? []).map((a) => [key(a), a]));
    for (const a of incoming) merged.set(key(a), { ...a, source: "npm audit" });
    snapshot.updated = new Date().toISOString().slice(0, 10);
    snapshot.advisories = [...merged.values()].sort((a, b) => a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
    fs.writeFileSync(opts.advisories, `${JSON.stringify(snapshot, null, 2)}\n`);
    console.log(`advisory snapshot: ${snapshot.advisories.length} advisories (${incoming.length} imported)`);
    return;
  }
  const lock = JSON.parse(fs.readFileSync(opts.lock, "utf8"));
  const hits = findVulnerable(lock, snapshot);
  const count = installedPackages(lock).length;
  const ageDays = snapshot.updated ? (Date.now() - Date.parse(snapshot.updated)) / 86_400_000 : Number.POSITIVE_INFINITY;
  if (ageDays > opts.maxAgeDays) {
    console.warn(
      `warning: the advisory snapshot is ${Number.isFinite(ageDays) ? Math.floor(ageDays) : "?"} days old; refresh it (security/README.md)`,
    );
  }
  if (hits.length) {
    console.error(`dependency audit: ${hits.length} known-vulnerable package version(s) in ${path.basename(opts.lock)}:`);
    for (const h of hits) {
      console.error(
        `  ${h.name}@${h.version} (${h.where}): ${h.advisory.id} ${h.advisory.severity ?? ""} ${h.advisory.title ?? ""} [vulnerable ${h.advisory.vulnerable}]`,
      );
    }
    process.exit(1);
  }
  console.log(
    `dependency audit: ${count} packages checked against ${(snapshot.advisories ?? []).length} advisories (snapshot ${snapshot.updated ?? "undated"}): none vulnerable`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
