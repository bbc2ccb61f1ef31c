// The server and browser every e2e file runs against: started before the file's tests (and before its own
// beforeAll hooks, which are registered after this call), closed after them.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { type RunningServer, startServer } from "./server";

export type E2E = { server: RunningServer; browser: Browser };

export function serverAndBrowser(): E2E {
  const e2e = {} as E2E;
  beforeAll(async () => {
    e2e.server = await startServer();
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
  });
  return e2e;
}
