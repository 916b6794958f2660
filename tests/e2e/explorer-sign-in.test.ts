import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPLORER_DIST } from "../../gateway/explorer-dist.ts";
import { CHROMIUM_ARGS, findChromium } from "../../scripts/support/chromium.ts";
import { mintToken, startHub, type RunningHub } from "../support/hub.ts";

const METROPOLITAN_ALERTS = `{ force(id: "metropolitan") { name responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { rule } } }`;

/** A first-time user of a production hub with no OpenID provider: what the explorer shows, and how a token gets them in. */
describe("the explorer in production, for someone not signed in", () => {
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(EXPLORER_DIST))
      await promisify(execFile)(process.execPath, [
        "node_modules/vite/bin/vite.js",
        "build",
        "--config",
        "gateway/explorer/vite.config.ts",
        "--logLevel",
        "error",
      ]);
    hub = await startHub(undefined, { environment: "production" });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const explorer = (query?: string) => `${hub.gatewayUrl}/explorer/${query === undefined ? "" : `?${new URLSearchParams({ query })}`}`;
  const responseText = async (page: Page) => ((await page.textContent(".result-window")) ?? "").replace(/\s+/g, " ");

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    return page;
  }

  async function run(page: Page, expected: string) {
    await page.locator(".graphiql-query-editor .view-lines").first().waitFor({ timeout: 30_000 });
    await page.click(".graphiql-execute-button");
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toContain(expected);
  }

  it("opens on a usable screen: no FORBIDDEN error, a note saying how to see more, and a visible token control", async () => {
    const page = await open(await browser.newContext(), explorer());
    await expect.poll(() => page.textContent(".hub-schema-note"), { timeout: 15_000 }).toContain("Use a token to browse the schema");
    expect(await page.getByRole("button", { name: "Use a token" }).isVisible()).toBe(true);
    expect(await page.textContent("body")).not.toContain("Introspection needs a signed-in role");
    expect(await page.textContent("body")).not.toContain("FORBIDDEN");
  });

  it("takes a pasted token, keeps it across tabs for the browser session, and drops it in a new session", async () => {
    const context = await browser.newContext();
    const page = await open(context, explorer(METROPOLITAN_ALERTS));
    await run(page, "FORBIDDEN");
    await page.getByRole("button", { name: "Use a token" }).click();
    await page.getByLabel("Token").fill(await mintToken({ role: "HMICFRS" }));
    await page.getByRole("button", { name: "Use", exact: true }).click();
    await expect.poll(() => page.textContent(".hub-session"), { timeout: 30_000 }).toBe("Signed in as test-hmicfrs (HMICFRS) Sign out");
    expect(await page.locator(".hub-schema-note").count()).toBe(0);
    await run(page, '"responseTimeAlerts": [');

    const secondTab = await open(context, explorer(METROPOLITAN_ALERTS));
    await expect
      .poll(() => secondTab.textContent(".hub-session"), { timeout: 15_000 })
      .toBe("Signed in as test-hmicfrs (HMICFRS) Sign out");
    await run(secondTab, '"responseTimeAlerts": [');

    const nextSession = await open(await browser.newContext(), explorer());
    expect(await nextSession.getByRole("button", { name: "Use a token" }).isVisible()).toBe(true);
  });

  it("says what is wrong with a pasted value that is no token", async () => {
    const page = await open(await browser.newContext(), explorer());
    await page.getByRole("button", { name: "Use a token" }).click();
    await page.getByLabel("Token").fill("not-a-token");
    await page.getByRole("button", { name: "Use", exact: true }).click();
    await expect.poll(() => page.textContent("[role=alert]"), { timeout: 15_000 }).toContain("that is not a token");
  });
});
