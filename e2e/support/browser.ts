// Drives Debian's chromium through playwright-core (no downloaded browser builds).
import { execFileSync } from "node:child_process";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

function chromiumPath(): string {
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // Try the next name.
    }
  }
  throw new Error("chromium was not found on PATH; install it with: apt-get install -y chromium");
}

/** Playwright gives every launch a new, empty profile directory of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export interface ErrorLog {
  /** Uncaught exceptions and console errors, minus expected HTTP errors from the API. */
  errors: string[];
}

/** Records what a user's browser console would show as errors. */
export function watchErrors(page: Page): ErrorLog {
  const log: ErrorLog = { errors: [] };
  page.on("pageerror", (error) => log.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // A refused sign-in or an ended session is an HTTP 4xx the app handles on purpose.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    log.errors.push(`console: ${text}`);
  });
  return log;
}

export async function newPage(
  browser: Browser,
  baseUrl: string,
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; log: ErrorLog }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const log = watchErrors(page);
  return { context, page, log };
}
