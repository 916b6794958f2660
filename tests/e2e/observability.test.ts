import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import parsePrometheus from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envKey, SUBGRAPH_NAMES } from "../../shared/config.ts";
import { freshTestDatabase } from "../support/fresh-database.ts";
import { startOtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver.ts";
import { NATIONAL_PICTURE } from "../support/queries.ts";
import { mintToken, TEST_JWT_SECRET } from "../support/hub.ts";
import { compiledEntry, hubCommand } from "../support/commands.ts";

const PORT = 4700;
const METRICS_PORT = 4710;
const SERVICES = ["hub-gateway", ...SUBGRAPH_NAMES.map((name) => `hub-${name}`)];

interface PrometheusFamily {
  name: string;
  metrics: { labels?: Record<string, string>; value?: string }[];
}

describe("operations: traces, metrics and logs of the hub as npm start runs it", () => {
  let hub: ChildProcess;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let env: NodeJS.ProcessEnv;
  const logLines: Record<string, unknown>[] = [];
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const database = process.env.TEST_DATABASE_URL ? await freshTestDatabase("observed") : undefined;
    if (database) drop = database.drop;
    env = {
      ...process.env,
      HUB_SAMPLE: "none",
      HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-observed-")),
      PORT: String(PORT),
      METRICS_PORT: String(METRICS_PORT),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      JWT_SECRET: TEST_JWT_SECRET,
      ...(database ? { DATABASE_URL: database.url } : {}),
    };
    SUBGRAPH_NAMES.forEach((name, index) => {
      env[`${envKey(name)}_PORT`] = String(PORT + 1 + index);
      env[`${envKey(name)}_METRICS_PORT`] = String(METRICS_PORT + 1 + index);
    });
    hub = spawn(process.execPath, compiledEntry("scripts/start.ts"), { env, stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      hub.once("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
      for (const stream of [hub.stdout!, hub.stderr!]) {
        createInterface({ input: stream }).on("line", (line) => {
          const json = line.indexOf("{");
          if (json >= 0) {
            try {
              logLines.push(JSON.parse(line.slice(json)) as Record<string, unknown>);
            } catch {
              // a line of the launcher's own, not JSON
            }
          }
          if (/The hub is up/.test(line)) resolve();
        });
      }
    });
  }, 240_000);
  afterAll(async () => {
    hub?.kill("SIGTERM");
    await new Promise((resolve) => (hub?.exitCode !== null ? resolve(undefined) : hub.once("exit", resolve)));
    await receiver?.stop();
    await drop();
  });

  const ask = (query: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
  const metricsOf = async (port: number) =>
    parsePrometheus(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()) as PrometheusFamily[];
  const sample = (families: PrometheusFamily[], name: string, labels: Record<string, string>) =>
    Number(
      families
        .find((family) => family.name === name)
        ?.metrics.find((metric) => Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value))?.value ?? 0,
    );

  it("one NationalPicture request is one trace, with the gateway's plan, a request span in each of the five subgraphs and their SQL", async () => {
    const traceId = randomBytes(16).toString("hex");
    const response = await ask(NATIONAL_PICTURE, {
      traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      "x-hub-cache": "refresh",
    });
    expect(response.status).toBe(200);
    const inTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    // Spans arrive as each process's batch is sent; the gateway's request span ends last.
    const complete = () =>
      inTrace().some((span) => span.name === "gateway.request") &&
      new Set(
        inTrace()
          .filter((span) => span.name === "POST /graphql")
          .map((span) => span.service),
      ).size === SERVICES.length;
    await expect.poll(complete, { timeout: 20_000, interval: 500 }).toBe(true);
    const spans = inTrace();
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(SERVICES));
    expect(spans.map((span) => span.name)).toEqual(
      expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.execute", "gateway.fetch"]),
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] =>
      byId.has(span.parentSpanId) ? [byId.get(span.parentSpanId)!, ...ancestors(byId.get(span.parentSpanId)!)] : [];
    for (const service of SERVICES.slice(1)) {
      const server = spans.find((span) => span.service === service && span.name === "POST /graphql");
      expect(server, `${service} request span`).toBeDefined();
      expect(ancestors(server!).some((span) => span.service === "hub-gateway" && span.name === "gateway.fetch")).toBe(true);
      const sql = spans.filter((span) => span.service === service && typeof span.attributes["db.query.text"] === "string");
      expect(sql.length, `${service} SQL spans`).toBeGreaterThan(0);
      for (const statement of sql) expect(ancestors(statement)).toContain(server);
    }
  });

  it("writes one JSON log line per request in every process it reached, with the trace id its spans carry, and never the token", async () => {
    const token = await mintToken({ role: "HMICFRS" });
    const traceId = randomBytes(16).toString("hex");
    await ask(`query KentName { force(id: "kent") { name workforce(asAt: "2025-03-31") { officersFte } } }`, {
      traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      authorization: `Bearer ${token}`,
    });
    const lines = () => logLines.filter((line) => line.msg === "graphql request" && line.traceId === traceId);
    await expect
      .poll(
        () =>
          lines()
            .map((line) => line.service)
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(["forces", "gateway", "workforce"]);
    expect(lines().find((line) => line.service === "gateway")).toMatchObject({
      operationName: "KentName",
      role: "HMICFRS",
      outcome: "OK",
      durationMs: expect.any(Number),
      level: 30,
    });
    expect(JSON.stringify(logLines)).not.toContain(token);
    expect(JSON.stringify(logLines)).not.toContain(TEST_JWT_SECRET);
  });

  it("serves /metrics in Prometheus text format on its own port: operations by name and outcome, latency, cache answers, subgraph requests and import batches", async () => {
    const before = await metricsOf(METRICS_PORT);
    const counted = (families: PrometheusFamily[], outcome: string) =>
      sample(families, "hub_graphql_requests_total", { operation: "Forces", outcome });
    for (let index = 0; index < 3; index++) expect((await ask("query Forces { forces { id } }")).status).toBe(200);
    await ask("query Forces { forces { id nope } }");
    const after = await metricsOf(METRICS_PORT);
    expect(counted(after, "OK") - counted(before, "OK")).toBe(3);
    expect(counted(after, "ERROR") - counted(before, "ERROR")).toBe(1);
    // The parser keeps no labels of histogram series: the count is read from the text itself.
    const text = await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text();
    expect(Number(/^hub_graphql_request_duration_seconds_count\{operation="Forces"\} (\d+)$/m.exec(text)?.[1])).toBe(
      counted(after, "OK") + counted(after, "ERROR"),
    );
    const hits = (families: PrometheusFamily[]) => sample(families, "hub_response_cache_answers_total", { result: "hit" });
    expect(hits(after) - hits(before)).toBe(2);

    // The fixture's second row does not add up: skipped and reported, so the batch loads one row.
    const report = join(mkdtempSync(join(tmpdir(), "hub-report-")), "report.txt");
    await promisify(execFile)(
      process.execPath,
      hubCommand("import", "calls-999", "tests/fixtures/ingest/calls-999.csv", "--skip-invalid", "--report", report),
      { env },
    );
    const responseTimes = await metricsOf(METRICS_PORT + 1 + SUBGRAPH_NAMES.indexOf("response-times"));
    expect(sample(responseTimes, "hub_import_batches", { kind: "calls-999", status: "LOADED" })).toBe(1);
    expect(sample(responseTimes, "hub_import_rows_loaded", { kind: "calls-999", status: "LOADED" })).toBe(1);
    expect(
      responseTimes
        .find((family) => family.name === "hub_graphql_requests_total")
        ?.metrics.some((metric) => metric.labels?.outcome === "OK" && Number(metric.value) > 0),
    ).toBe(true);

    const labels = new Set(
      [...after, ...responseTimes]
        .filter((family) => family.name.startsWith("hub_") && !family.name.startsWith("hub_process_"))
        .flatMap((family) => family.metrics.flatMap((metric) => Object.keys(metric.labels ?? {}))),
    );
    expect([...labels].sort()).toEqual(["kind", "operation", "outcome", "result", "status"]);
    expect((await fetch(`http://127.0.0.1:${PORT}/metrics`)).status).toBe(404);
  });
});
