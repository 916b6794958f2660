import { execFile, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableOf } from "../../gateway/answer-table/answer-table.ts";
import { EXPLORER_DIST } from "../../gateway/explorer-dist.ts";
import { startChild } from "../../scripts/support/child-process.ts";
import { CHROMIUM_ARGS, findChromium } from "../../scripts/support/chromium.ts";
import { csvRows } from "../../subgraphs/shared/ingest/csv-records.ts";
import { startHub, type RunningHub } from "../support/hub.ts";
import { OIDC_CLIENT_ID, OIDC_SCOPE } from "../support/oidc-provider.ts";

const FORCES_WITH_OFFICERS = `{ forces { id name region { name } workforce(asAt: "2025-03-31") { officersFte neighbourhoodFte } } }`;
const KENT_MONTHLY = `{ force(id: "kent") { name responseTimes(from: "2025-04-01", to: "2026-03-31") { comparisons(measureIds: [EMERGENCY_ATTENDANCE_P90_MINUTES]) { measure { name } value national mostSimilarGroup monthly { month value } } } } }`;
const METROPOLITAN_ALERTS = `{ force(id: "metropolitan") { name responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { rule } } }`;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the explorer", () => {
  let hub: RunningHub;
  let browser: Browser;
  let provider: ChildProcess;
  let issuer: string;
  const outside: string[] = [];

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
    issuer = `http://127.0.0.1:${await freePort()}`;
    hub = await startHub(undefined, { env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID, OIDC_SCOPE } });
    const started = startChild("oidc-provider", ["tests/support/oidc-provider.ts", new URL(issuer).port, `${hub.gatewayUrl}/explorer/`], {
      env: process.env,
      echo: false,
    });
    provider = started.child;
    await started.ready;
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    provider?.kill();
    await hub?.stop();
  });

  const explorerAt = (query?: string) => `${hub.gatewayUrl}/explorer/${query === undefined ? "" : `?${new URLSearchParams({ query })}`}`;

  async function open(url: string): Promise<Page> {
    const page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1600, height: 1000 } })).newPage();
    page.on("request", (request) => {
      const target = request.url();
      if (!target.startsWith(hub.gatewayUrl) && !target.startsWith("blob:") && !target.startsWith("data:") && !target.startsWith(issuer))
        outside.push(target);
    });
    await page.goto(url);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    return page;
  }

  /** The response pane's visible text, Monaco's non-breaking spaces as spaces. */
  const responseText = async (page: Page) => ((await page.textContent(".result-window")) ?? "").replace(/\s+/g, " ");

  /** Runs the editor's single operation and waits for its answer. */
  async function run(page: Page, expected: string): Promise<void> {
    await page.locator(".graphiql-query-editor .view-lines").first().waitFor({ timeout: 30_000 });
    await page.click(".graphiql-execute-button");
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toContain(expected);
  }

  const showPlugin = (page: Page, title: string) => page.getByRole("button", { name: `Show ${title}` }).click();

  /** Drags the side pane wider, as an analyst would to read a table or a chart. */
  async function widenPane(page: Page): Promise<void> {
    const bar = (await page.locator(".graphiql-horizontal-drag-bar").first().boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + 600, bar.y + bar.height / 2, { steps: 10 });
    await page.mouse.up();
  }
  const ask = async (query: string, token?: string) =>
    (await (
      await fetch(`${hub.gatewayUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      })
    ).json()) as { data: unknown; errors?: unknown[] };

  it("loads from the gateway with nothing from outside it and runs an example operation", async () => {
    const page = await open(`${hub.gatewayUrl}/`);
    await page.locator(".graphiql-query-editor").getByText("ForceAgainstRegion").first().waitFor({ timeout: 30_000 });
    const operation = page.getByRole("menuitem", { name: "NationalPicture" });
    await expect
      .poll(
        async () => {
          if (!(await operation.isVisible())) await page.click(".graphiql-execute-button");
          return operation.isVisible();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await operation.click();
    await expect.poll(async () => (await page.textContent(".result-window")) ?? "", { timeout: 30_000 }).toContain('"forces"');
    expect(outside).toEqual([]);
  });

  it("builds a query by ticking fields, runs it, and its link opens the same query and answer", async () => {
    const page = await open(explorerAt("query Builder { __typename }"));
    await showPlugin(page, "GraphiQL Explorer");
    const forcesField = page.locator('.graphiql-explorer-root [data-field-name="forces"]').first();
    const forces = page.locator(".graphiql-explorer-root .graphiql-explorer-forces");
    // On a loaded machine the tree can render again as the schema arrives and drop a click that came just
    // before (a suite run timed out waiting for the opened field): the field is ticked again until it opens.
    await expect
      .poll(
        async () => {
          if (!/\bforces\b/.test((await page.textContent(".graphiql-query-editor")) ?? "")) await forcesField.click();
          return forces.locator('[data-field-name="name"]').count();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    await forces.locator('[data-field-name="name"]').first().click();
    await expect.poll(() => page.textContent(".graphiql-query-editor")).toMatch(/forces\s*\{[^}]*name/);
    await run(page, '"name": "Avon and Somerset Constabulary"');
    // GraphiQL reports an edit after a short debounce: on a busy machine the answer can come first.
    await expect.poll(() => new URL(page.url()).searchParams.get("query"), { timeout: 15_000 }).toMatch(/forces\s*\{[^}]*name/);
    const built = new URL(page.url()).searchParams.get("query")!;
    const answer = (await ask(built)) as { data: { forces: { name: string }[] } };
    expect(answer.data.forces).toHaveLength(43);

    const shared = await open(page.url());
    await run(shared, '"name": "Avon and Somerset Constabulary"');
    await showPlugin(shared, "Table");
    await expect.poll(() => shared.locator(".hub-table tbody tr").count()).toBe(43);
    expect(await shared.locator(".hub-table tbody tr td:last-child").allTextContents()).toEqual(
      answer.data.forces.map((force) => force.name),
    );
  });

  it("shows the answer as a table and downloads it as CSV, cell for cell the JSON answer", async () => {
    const page = await open(explorerAt(FORCES_WITH_OFFICERS));
    await run(page, '"officersFte"');
    await showPlugin(page, "Table");
    await expect.poll(() => page.locator(".hub-table tbody tr").count()).toBe(43);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("forces.csv");
    const csv = csvRows(readFileSync(await download.path(), "utf8"));
    const expected = tableOf((await ask(FORCES_WITH_OFFICERS)).data, "forces");
    expect(csv[0]).toEqual(["id", "name", "region.name", "workforce.officersFte", "workforce.neighbourhoodFte"]);
    expect(csv[0]).toEqual(expected.columns);
    expect(csv.slice(1)).toHaveLength(43);
    csv.slice(1).forEach((row, index) =>
      row.forEach((field, column) => {
        const cell = expected.rows[index][column];
        if (typeof cell === "number") expect(Number(field)).toBe(cell);
        else expect(field).toBe(cell === null ? "" : String(cell));
      }),
    );
    await widenPane(page);
    await page.screenshot({ path: screenshotPath("explorer-table.png") });
  });

  it("charts one bar per force, and a month series as a line with its national and most-similar-group values", async () => {
    const page = await open(explorerAt(FORCES_WITH_OFFICERS));
    await run(page, '"officersFte"');
    await showPlugin(page, "Chart");
    const answer = (await ask(FORCES_WITH_OFFICERS)) as { data: { forces: { workforce: { officersFte: number | null } }[] } };
    const withValue = answer.data.forces.filter((force) => force.workforce.officersFte !== null).length;
    expect(withValue).toBeGreaterThan(40);
    await expect.poll(() => page.locator('.hub-chart svg g[aria-label="bar"] rect').count(), { timeout: 10_000 }).toBe(withValue);
    await widenPane(page);
    await expect.poll(() => page.locator('.hub-chart svg g[aria-label="bar"] rect').count(), { timeout: 10_000 }).toBe(withValue);
    await page.screenshot({ path: screenshotPath("explorer-chart-forces.png") });

    const monthly = await open(explorerAt(KENT_MONTHLY));
    await run(monthly, '"monthly"');
    await showPlugin(monthly, "Chart");
    await monthly.getByLabel("Rows from").selectOption("force.responseTimes.comparisons.monthly");
    await monthly.getByLabel("Measure").selectOption("monthly.value");
    const months = (
      (await ask(KENT_MONTHLY)) as { data: { force: { responseTimes: { comparisons: { monthly: { value: number | null }[] }[] } } } }
    ).data.force.responseTimes.comparisons[0].monthly;
    expect(months).toHaveLength(12);
    await expect
      .poll(() => monthly.locator('.hub-chart svg g[aria-label="dot"] circle').count(), { timeout: 10_000 })
      .toBe(months.filter((month) => month.value !== null).length);
    expect(await monthly.locator('.hub-chart svg g[aria-label="rule"] line').count()).toBeGreaterThanOrEqual(2);
    expect(await monthly.locator(".hub-chart svg").textContent()).toContain("National");
    await widenPane(monthly);
    await monthly.screenshot({ path: screenshotPath("explorer-chart-months.png") });
  });

  it("opens a shared link on the same view, run: the chart of the list and measure chosen, without a click", async () => {
    const page = await open(explorerAt(KENT_MONTHLY));
    await run(page, '"monthly"');
    await showPlugin(page, "Chart");
    await page.getByLabel("Rows from").selectOption("force.responseTimes.comparisons.monthly");
    await page.getByLabel("Measure").selectOption("monthly.value");
    await expect.poll(() => new URL(page.url()).searchParams.get("measure"), { timeout: 10_000 }).toBe("monthly.value");
    const link = new URL(page.url());
    expect(Object.fromEntries(["view", "list"].map((name) => [name, link.searchParams.get(name)]))).toEqual({
      view: "chart",
      list: "force.responseTimes.comparisons.monthly",
    });
    link.searchParams.set("run", "1");

    const shared = await open(link.toString());
    const months = (
      (await ask(KENT_MONTHLY)) as { data: { force: { responseTimes: { comparisons: { monthly: { value: number | null }[] }[] } } } }
    ).data.force.responseTimes.comparisons[0].monthly;
    await expect
      .poll(() => shared.locator('.hub-chart svg g[aria-label="dot"] circle').count(), { timeout: 30_000 })
      .toBe(months.filter((month) => month.value !== null).length);
    expect(await shared.getByLabel("Measure").inputValue()).toBe("monthly.value");
    expect(await responseText(shared)).toContain('"monthly"');
  });

  /** Signs in at the provider's login page (and consent page) and waits until the explorer is back. */
  async function signIn(page: Page, login: string): Promise<void> {
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer), { timeout: 15_000 });
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', "any");
    await page.click('button[type="submit"]');
    const consent = page.locator('button[type="submit"]');
    await expect
      .poll(
        async () => {
          if (page.url().startsWith(hub.gatewayUrl)) return true;
          if (await consent.isVisible()) await consent.click();
          return page.url().startsWith(hub.gatewayUrl);
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
  }

  it("signs in through the OpenID provider and then sees the alerts the public may not", async () => {
    const page = await open(explorerAt(METROPOLITAN_ALERTS));
    await run(page, "FORBIDDEN");
    await signIn(page, "hmicfrs-analyst");
    await expect
      .poll(() => page.textContent(".hub-session"), { timeout: 15_000 })
      .toBe("Signed in as An HMICFRS analyst (HMICFRS) Sign out");
    expect(new URL(page.url()).searchParams.get("query")).toBe(METROPOLITAN_ALERTS);
    await run(page, '"responseTimeAlerts": [');
    expect(await responseText(page)).not.toContain("FORBIDDEN");
  });

  it("signs in from the table tool too, coming back through the explorer to the same table tool address", async () => {
    const address = `${hub.gatewayUrl}/tables/?measures=KNIFE_CRIME_RATE_PER_1000&forces=group%3Akent&interval=FINANCIAL_YEAR&from=2025-04-01&to=2026-03-31&view=table&chart=compare`;
    const page = await browser.newPage();
    await page.goto(address);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer), { timeout: 15_000 });
    await page.fill('input[name="login"]', "hmicfrs-analyst");
    await page.fill('input[name="password"]', "any");
    await page.click('button[type="submit"]');
    const consent = page.locator('button[type="submit"]');
    await expect
      .poll(
        async () => {
          if (page.url().startsWith(`${hub.gatewayUrl}/tables/`)) return true;
          if (page.url().startsWith(issuer) && (await consent.isVisible())) await consent.click();
          return false;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await expect
      .poll(() => page.textContent(".hub-session"), { timeout: 15_000 })
      .toBe("Signed in as An HMICFRS analyst (HMICFRS) Sign out");
    expect(page.url()).toBe(address);
    expect(await page.getByLabel("Force", { exact: true }).inputValue()).toBe("kent");
  });

  it("refuses the provider's token for an account without a hub role: signed in, but UNAUTHENTICATED at the gateway", async () => {
    const page = await open(explorerAt(METROPOLITAN_ALERTS));
    await signIn(page, "nobody");
    await expect.poll(() => page.textContent(".hub-session"), { timeout: 15_000 }).toContain("(no hub role)");
    await run(page, "Token has no known role");
    expect(await responseText(page)).toContain("UNAUTHENTICATED");
  });

  it("answers Accept: text/csv with a header and a row per force, and 406 naming the lists when there is not exactly one", async () => {
    const curl = (query: string) =>
      promisify(execFile)("curl", [
        "-s",
        "-w",
        "\\n%{http_code}",
        "-H",
        "accept: text/csv",
        "-H",
        "content-type: application/json",
        "--data",
        JSON.stringify({ query }),
        `${hub.gatewayUrl}/graphql`,
      ]);
    const split = (stdout: string) =>
      [stdout.slice(0, stdout.lastIndexOf("\n")), Number(stdout.slice(stdout.lastIndexOf("\n") + 1))] as const;
    const [csv, status] = split((await curl("{ forces { id name } }")).stdout);
    // The answer goes in the assertion, so that a failure says what the gateway answered instead.
    expect({ status, csv: status === 200 ? "" : csv }).toEqual({ status: 200, csv: "" });
    const rows = csvRows(csv);
    expect(rows[0]).toEqual(["id", "name"]);
    expect(rows.slice(1)).toHaveLength(43);
    expect(rows).toContainEqual(["kent", "Kent Police"]);
    const [several, severalStatus] = split((await curl("{ forces { id } regions { name } }")).stdout);
    expect(severalStatus).toBe(406);
    expect(JSON.parse(several).errors[0]).toMatchObject({ extensions: { code: "NOT_ACCEPTABLE", lists: ["forces", "regions"] } });
    const [none, noneStatus] = split((await curl('{ force(id: "kent") { name } }')).stdout);
    expect(noneStatus).toBe(406);
    expect(JSON.parse(none).errors[0].message).toMatch(/has none/);
  });
});

/** Screenshots go to a temporary folder, or to docs/ (for the README) with SCREENSHOTS=docs. */
function screenshotPath(name: string): string {
  return process.env.SCREENSHOTS === "docs" ? `docs/${name}` : `${process.env.TMPDIR ?? "/tmp"}/${name}`;
}
