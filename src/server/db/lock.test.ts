import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./client";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("refuses a second holder while the first process lives, and names it", async () => {
    const dir = tmp();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      fs.writeFileSync(path.join(dir, "simpul.lock"), String(other.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`pid ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.on("exit", r));
    fs.writeFileSync(path.join(dir, "simpul.lock"), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "simpul.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "simpul.lock"))).toBe(false);
  });

  it("makes a second server on the same directory exit with a clear message", async () => {
    const dir = tmp();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    fs.writeFileSync(path.join(dir, "simpul.lock"), String(holder.pid));
    try {
      const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "src/server/main.ts"], {
        env: { ...process.env, SIMPUL_DATA_DIR: dir, PORT: "0", SIMPUL_LOG_LEVEL: "silent" },
      });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const code = await new Promise((r) => child.on("exit", r));
      expect(code).toBe(1);
      expect(stderr).toContain("tidak dapat dimulai");
      expect(stderr).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  }, 90_000); // starts a real server process (tsx compiling the app): slow on a loaded machine
});
