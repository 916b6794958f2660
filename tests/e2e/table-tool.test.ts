import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPLORER_DIST } from "../../gateway/explorer-dist.ts";
import { CHROMIUM_ARGS, findChromium } from "../../scripts/support/chromium.ts";
import { csvRows } from "../../subgraphs/shared/ingest/csv-records.ts";
import { startHub, type RunningHub } from "../support/hub.ts";

/** Where the screenshots go: docs/ when SCREENSHOTS_DIR=docs (how the committed ones were made), else a temporary folder. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), "hub-tables-"));

/** An analyst's session in the table tool: every click, tick, choice and page opened counts as one action. */
class Analyst {
  actions = 0;
  constructor(readonly page: Page) {}
  async open(url: string) {
    this.actions++;
    await this.page.goto(url);
    await this.page.getByRole("heading", { name: "1. Measures" }).waitFor({ timeout: 30_000 });
  }
  async tick(label: string) {
    this.actions++;
    await this.page.getByLabel(label, { exact: false }).first().check();
  }
  async click(name: string) {
    this.actions++;
    await this.page.getByRole("button", { name, exact: true }).click();
  }
  async choose(label: string, option: string) {
    this.actions++;
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }
  async radio(label: string) {
    this.actions++;
    await this.page.getByRole("radio", { name: label }).check();
  }
  screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    return this.page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
  }
}

/** The five tasks an HMICFRS analyst who does not write GraphQL was given, done as the public on a production hub that serves only registered operations. */
describe("the table tool: the analysts' tasks through the UI, as the public", () => {
  let hub: RunningHub;
  let browser: Browser;
  let context: BrowserContext;
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    if (!existsSync(join(EXPLORER_DIST, "tables", "index.html")))
      await promisify(execFile)(process.execPath, [
        "node_modules/vite/bin/vite.js",
        "build",
        "--config",
        "gateway/explorer/vite.config.ts",
        "--logLevel",
        "error",
      ]);
    hub = await startHub(undefined, { environment: "production", trustedDocuments: "required" });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });
  afterAll(async () => {
    console.log(`table tool actions per task: ${JSON.stringify(counts)}`);
    await browser?.close();
    await hub?.stop();
  });

  const tables = () => `${hub.gatewayUrl}/tables/`;

  it("opens for a viewer who is not signed in on a usable screen: the catalogue with definitions, a token control, no error", async () => {
    const analyst = new Analyst(await context.newPage());
    await analyst.open(tables());
    expect(await analyst.page.getByRole("checkbox").count()).toBe(13);
    expect(await analyst.page.getByRole("button", { name: "Use a token" }).isVisible()).toBe(true);
    expect(await analyst.page.getByRole("link", { name: "Explorer (GraphQL)" }).getAttribute("href")).toBe("/explorer/");
    expect(await analyst.page.textContent("body")).not.toMatch(/FORBIDDEN|PERSISTED_QUERY_REQUIRED|error/i);
    await analyst.page.getByText("Definition").first().click();
    expect(await analyst.page.textContent("details[open]")).toContain("90th percentile of Minutes from the 999 call being connected");
    counts.publicFirstScreen = analyst.actions;
    await analyst.screenshot("tables-public-first-screen.png");
  });

  it("gives the emergency P90 league table for 2025/26 as CSV, with its definitions, in five actions", async () => {
    const analyst = new Analyst(await context.newPage());
    await analyst.open(tables());
    await analyst.tick("Emergency attendance, 90th percentile");
    expect(await analyst.page.getByLabel("From", { exact: true }).inputValue()).toBe("2025-04-01");
    await analyst.click("Create table");
    await analyst.page.getByRole("columnheader", { name: /2025\/26/ }).waitFor();
    await analyst.click("2025/26 minutes");
    const firstForce = await analyst.page.locator("tbody tr th").first().textContent();
    const [download] = await Promise.all([analyst.page.waitForEvent("download"), analyst.click("Download figures (CSV)")]);
    const text = readFileSync(await download.path(), "utf8");
    const csv = csvRows(text.trim());
    expect(text.split("\r\n")[0]).toBe(
      "force_id,force_name,measure_id,measure_name,period_from,period_to,value,unit,coverage_complete,coverage_reason,synthetic,sources,quality_notes,national,region,most_similar_group,rank,forces_ranked,population_basis",
    );
    expect(csv).toHaveLength(44);
    const ranked = csv.slice(1).sort((a, b) => Number(a[16]) - Number(b[16]));
    expect(ranked.find((line) => line[1] === firstForce)![16]).toBe("1");
    expect(ranked[0]).toEqual(
      expect.arrayContaining([
        "EMERGENCY_ATTENDANCE_P90_MINUTES",
        "2025-04-01",
        "2026-03-31",
        "minutes",
        "true",
        "synthetic sample",
        "1",
        "43",
      ]),
    );
    for (const line of ranked) expect(line[6]).toMatch(/^\d+(\.\d{1,2})?$/);
    const [definitions] = await Promise.all([
      analyst.page.waitForEvent("download"),
      analyst.page.getByRole("button", { name: "Download definitions (CSV)" }).click(),
    ]);
    expect(readFileSync(await definitions.path(), "utf8")).toContain(
      'EMERGENCY_ATTENDANCE_P90_MINUTES,"Emergency attendance, 90th percentile",minutes,2,LOWER_IS_BETTER',
    );
    expect(await analyst.page.getByRole("note").textContent()).toContain("synthetic sample");
    counts.p90LeagueTableCsv = analyst.actions;
    await analyst.screenshot("tables-p90-league-table.png");
  });

  it("charts Kent's knife crime rate against its region, most similar group and England and Wales in six actions", async () => {
    const analyst = new Analyst(await context.newPage());
    await analyst.open(tables());
    await analyst.tick("Knife crime rate");
    await analyst.radio("A force and its most similar group");
    await analyst.choose("Force", "Kent Police");
    await analyst.click("Create table");
    await analyst.page.getByRole("row", { name: /England and Wales/ }).waitFor();
    await analyst.click("Chart");
    const chart = analyst.page.locator(".plot");
    await expect
      .poll(() => chart.textContent())
      .toContain("Knife crime rate (offences per 1,000 residents), 2025/26, Kent Police and its most similar group");
    const text = (await chart.textContent())!;
    for (const label of ["Kent Police", "South East region", "Most similar group of Kent Police", "England and Wales", "(synthetic)"])
      expect(text).toContain(label);
    counts.kentKnifeChart = analyst.actions;
    await analyst.screenshot("tables-kent-knife-chart.png");
  });

  it("draws neighbourhood FTE by snapshot year for one force as a line chart in eight actions", async () => {
    const analyst = new Analyst(await context.newPage());
    await analyst.open(tables());
    await analyst.tick("Neighbourhood officers and PCSOs per 1,000 residents");
    await analyst.radio("Forces I pick");
    await analyst.tick("Kent Police");
    await analyst.choose("Interval", "Snapshot days");
    await analyst.click("Create table");
    await analyst.page.getByRole("columnheader", { name: /31 March 2025/ }).waitFor();
    expect((await analyst.page.locator("thead th").allTextContents()).map((header) => header.trim())).toEqual([
      "Force ▲",
      "31 March 2023FTE per 1,000 residents",
      "31 March 2024FTE per 1,000 residents",
      "31 March 2025FTE per 1,000 residents",
    ]);
    await analyst.click("Chart");
    await analyst.radio("Trend");
    const chart = analyst.page.locator(".plot");
    await expect
      .poll(() => chart.textContent())
      .toContain(
        "Neighbourhood officers and PCSOs per 1,000 residents (FTE per 1,000 residents), 31 March 2023 to 31 March 2025, Kent Police",
      );
    expect(await chart.locator("svg [aria-label='line'] path").count()).toBeGreaterThanOrEqual(2);
    counts.neighbourhoodTrend = analyst.actions;
    await analyst.screenshot("tables-neighbourhood-trend.png");
  });

  it("copies a link that opens, in a fresh browser, the same table run on opening, in one action, and Show the query runs it in the explorer", async () => {
    const analyst = new Analyst(await context.newPage());
    await analyst.open(tables());
    await analyst.tick("Emergency attendance, 90th percentile");
    await analyst.radio("A region");
    await analyst.choose("Region", "South East");
    await analyst.click("Create table");
    await analyst.page.getByRole("row", { name: /England and Wales/ }).waitFor();
    await analyst.click("Copy link");
    const link = await analyst.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("run=1");
    const table = await analyst.page.locator("table").textContent();
    const fresh = new Analyst(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage());
    await fresh.open(link);
    await fresh.page.getByRole("row", { name: /England and Wales/ }).waitFor({ timeout: 30_000 });
    expect(await fresh.page.locator("table").textContent()).toBe(table);
    expect(await fresh.page.getByLabel("Region", { exact: true }).inputValue()).toBe(
      await analyst.page.getByLabel("Region", { exact: true }).inputValue(),
    );
    counts.permalinkFreshContext = fresh.actions;
    await fresh.screenshot("tables-permalink.png");
    await fresh.page.getByRole("link", { name: "Show the query in the explorer" }).click();
    await fresh.page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    await expect
      .poll(async () => ((await fresh.page.textContent(".result-window")) ?? "").replace(/\s+/g, " "), { timeout: 30_000 })
      .toContain('"periodFrom": "2025-04-01"');
    expect(new URL(fresh.page.url()).searchParams.get("variables")).toContain('"interval": "FINANCIAL_YEAR"');
  });
});
