import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPLORER_DIST } from "../../gateway/server.ts";
import { startHub, type RunningHub } from "../support/hub.ts";

const CHROMIUM = "/usr/bin/chromium";

describe("the explorer", () => {
  let hub: RunningHub;
  let browser: Browser;
  const outside: string[] = [];

  beforeAll(async () => {
    if (!existsSync(EXPLORER_DIST)) execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "gateway/explorer/vite.config.ts", "--logLevel", "error"]);
    hub = await startHub();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it("loads from the gateway with nothing from outside it and runs the example operation", async () => {
    const page = await browser.newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith(hub.gatewayUrl) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) outside.push(request.url());
    });
    await page.goto(`${hub.gatewayUrl}/`);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    // Monaco fills the editor after the page has loaded; the run button only offers operations once it has.
    await page.locator(".graphiql-query-editor").getByText("ForceAgainstRegion").first().waitFor({ timeout: 30_000 });
    const operation = page.getByRole("menuitem", { name: "NationalPicture" });
    await expect
      .poll(async () => {
        if (!(await operation.isVisible())) await page.click(".graphiql-execute-button");
        return operation.isVisible();
      }, { timeout: 30_000, interval: 500 })
      .toBe(true);
    await operation.click();
    await expect.poll(async () => (await page.textContent(".result-window")) ?? "", { timeout: 30_000 }).toContain('"forces"');
    expect(outside).toEqual([]);
  });
});
