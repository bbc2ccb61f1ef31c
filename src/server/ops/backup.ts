// `simpul backup FILE` / `simpul restore FILE`: one .tar.gz with the database and the data dir's files.
//
// Embedded (PGlite): a dump of the whole database directory taken by the process that holds the
// data-dir lock, so nothing writes meanwhile (stop the server first): consistent. PostgreSQL:
// `pg_dump --format=custom` (one consistent snapshot) and `pg_restore --clean --if-exists`.
// Both add the data dir's files (attachments, audit checkpoints). Secret keys are left out unless
// asked for (`--with-keys`): a backup that carries its own key protects nothing; keep the keys apart.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Config } from "../config";
import type { Database } from "../db/client";

const run = promisify(execFile);

export const BACKUP_FORMAT = "simpul-backup/1";
const SKIP_TOP = new Set(["pg", "simpul.lock", "backup-tmp"]);
const isKeyFile = (name: string) => name.startsWith("secret.");

type Manifest = { format: string; createdAt: string; database: "pglite" | "postgresql"; version: string; withKeys: boolean; files: number };

function copyDataFiles(from: string, to: string, withKeys: boolean): number {
  let n = 0;
  if (!fs.existsSync(from)) return 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (SKIP_TOP.has(entry.name) || (!withKeys && isKeyFile(entry.name))) continue;
    fs.cpSync(path.join(from, entry.name), path.join(to, entry.name), { recursive: true, preserveTimestamps: true });
    n++;
  }
  return n;
}

export async function backup(database: Database, config: Config, file: string, opts: { withKeys?: boolean } = {}): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-backup-"));
  try {
    fs.mkdirSync(path.join(work, "files"));
    if (database.kind === "pglite") {
      const blob = await database.dump!();
      fs.writeFileSync(path.join(work, "pglite.tar"), Buffer.from(await blob.arrayBuffer()));
    } else {
      await run("pg_dump", ["--format=custom", "--no-owner", "--file", path.join(work, "postgresql.dump"), database.url!]);
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: database.kind,
      version: config.version,
      withKeys: Boolean(opts.withKeys),
      files: copyDataFiles(config.dataDir, path.join(work, "files"), Boolean(opts.withKeys)),
    };
    fs.writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 1));
    const target = path.resolve(file);
    await run("tar", ["-czf", `${target}.tmp`, "-C", work, "."]);
    fs.chmodSync(`${target}.tmp`, 0o600);
    fs.renameSync(`${target}.tmp`, target);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export class RestoreError extends Error {}

/**
 * Restores into the configured database and data dir. Embedded: the data dir must not hold a
 * database yet (unless `force`, which replaces it). PostgreSQL: objects are dropped and recreated.
 */
export async function restore(config: Config, file: string, opts: { force?: boolean } = {}): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-restore-"));
  try {
    await run("tar", ["-xzf", path.resolve(file), "-C", work]);
    const manifestPath = path.join(work, "manifest.json");
    if (!fs.existsSync(manifestPath)) throw new RestoreError("not a Simpul backup (manifest.json missing)");
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
    if (manifest.format !== BACKUP_FORMAT) throw new RestoreError(`unknown backup format ${manifest.format}`);
    const wantKind = config.databaseUrl ? "postgresql" : "pglite";
    if (manifest.database !== wantKind)
      throw new RestoreError(`backup is of a ${manifest.database} database; this installation uses ${wantKind}`);
    fs.mkdirSync(config.dataDir, { recursive: true });
    if (manifest.database === "pglite") {
      const pgDir = path.join(config.dataDir, "pg");
      if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
        if (!opts.force) throw new RestoreError(`${pgDir} already holds a database; stop the server and pass --force to replace it`);
        fs.rmSync(pgDir, { recursive: true, force: true });
      }
      const blob = new Blob([fs.readFileSync(path.join(work, "pglite.tar"))]);
      const client = new PGlite(pgDir, { loadDataDir: blob, extensions: { pg_trgm } });
      await client.waitReady;
      await client.close();
    } else {
      await run("pg_restore", [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--dbname",
        config.databaseUrl!,
        path.join(work, "postgresql.dump"),
      ]);
    }
    fs.cpSync(path.join(work, "files"), config.dataDir, { recursive: true, preserveTimestamps: true });
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
