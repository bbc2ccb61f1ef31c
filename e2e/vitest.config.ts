import { defineConfig } from "vitest/config";

// Browser journeys against the real server: one file at a time, each with its own server and
// fresh data directory, and generous timeouts (first start seeds regions and demo data).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    env: { SIMPUL_LOG_LEVEL: "warn" },
  },
});
