// The console home per role on a 360 px phone: a coordinator's numbers open the list behind them with the
// same rows (the list page takes its filters from the address); a volunteer sees only its own sessions.
import { describe, expect, it } from "vitest";
import { Authenticator, signIn } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

const number = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe("console home dashboard", () => {
  it("a coordinator's numbers link to lists showing the same count", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "koordinator");
    const villages = page.getByTestId("dashboard-villages");
    await villages.waitFor();
    await page.getByTestId("dashboard-reports").waitFor();
    await page.getByTestId("dashboard-action-items").waitFor();
    // No horizontal scrolling on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: ".tmp/e2e-dashboard-360.png", fullPage: true });

    const never = villages.getByTestId("dashboard-figure").filter({ hasText: "Belum pernah dijangkau" });
    const expected = number(await never.locator("p").first().textContent());
    await never.click();
    await page.waitForURL(/\/konsol\/desa\?reach=never/);
    await expect.poll(async () => number(await page.getByTestId("village-count").textContent())).toBe(expected);

    await page.goto("/konsol");
    const overdue = page.getByTestId("dashboard-action-items").getByTestId("dashboard-figure").filter({ hasText: "Lewat tenggat" });
    const items = number(await overdue.locator("p").first().textContent());
    expect(items).toBeGreaterThan(0);
    await overdue.click();
    await page.waitForURL(/\/konsol\/koordinasi\?overdue=true/);
    expect(await page.getByLabel("Hanya yang lewat tenggat").isChecked()).toBe(true);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("a volunteer sees its own sessions and no report or case figures", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "relawan");
    await page.getByTestId("dashboard-my-sessions").waitFor();
    expect(await page.getByTestId("dashboard-cases").count()).toBe(0);
    expect(await page.getByTestId("dashboard-reports").count()).toBe(0);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
