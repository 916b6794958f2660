import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const OUTCOMES = ["OK", "PARTIAL", "ERROR"] as const;
export type Outcome = (typeof OUTCOMES)[number];

const NAMES_KEPT = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** One service's metrics: the gateway's, or one subgraph's. */
export interface ServiceMetrics {
  registry: Registry;
  recordOperation(operationName: string | null | undefined, outcome: Outcome, seconds: number): void;
}

const byService = new Map<string, ServiceMetrics>();

/**
 * A service's metrics in its own registry, served on its own metrics port: subgraphs that share one
 * process (`npm start`) still report apart, each with the process's own figures beside its own.
 */
export function metricsOf(service: string): ServiceMetrics {
  let metrics = byService.get(service);
  if (!metrics) byService.set(service, (metrics = newServiceMetrics()));
  return metrics;
}

function newServiceMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hub_process_" });
  const requests = new Counter({
    name: "hub_graphql_requests_total",
    help: "GraphQL operations answered, by operation name and outcome (OK, PARTIAL: data with errors, ERROR: no data)",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "hub_graphql_request_duration_seconds",
    help: "Time to answer a GraphQL operation, by operation name",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const seenNames = new Set<string>();
  /**
   * The operation label: its name while there are few (clients choose names, and a label per name
   * would let anyone grow the series without bound), `anonymous` or `other` beyond that.
   */
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "other";
    if (seenNames.has(name)) return name;
    if (seenNames.size >= NAMES_KEPT) return "other";
    seenNames.add(name);
    return name;
  };
  return {
    registry,
    recordOperation: (operationName, outcome, seconds) => {
      const operation = operationLabel(operationName);
      requests.inc({ operation, outcome });
      duration.observe({ operation }, seconds);
    },
  };
}

export interface BatchTally {
  kind: string;
  status: string;
  batches: number;
  rows: number;
}

/** Import batches in this subgraph's database by kind and status, and the rows they loaded: read at each scrape, whoever ran the import. */
export function importMetrics(registry: Registry, tally: () => Promise<BatchTally[]>): void {
  const gauge = (name: string, help: string, value: (row: BatchTally) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["kind", "status"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await tally()) this.set({ kind: row.kind, status: row.status }, value(row));
      },
    });
  gauge("hub_import_batches", "Import batches in this subgraph's database, by file kind and status", (row) => row.batches);
  gauge(
    "hub_import_rows_loaded",
    "Rows loaded by the import batches in this subgraph's database, by file kind and status",
    (row) => row.rows,
  );
}

/**
 * /metrics on its own listener, bound to METRICS_HOST (127.0.0.1 unless configured): a scrape needs
 * no token and passes no signature check, so it is kept off the port the graph is served on.
 */
export async function serveMetrics(registry: Registry, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found: metrics are at /metrics\n");
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { "content-type": registry.contentType }).end(body),
      (error: Error) => response.writeHead(500, { "content-type": "text/plain" }).end(`metrics unavailable: ${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
  return server;
}
