import { envKey, readConfig, type HubConfig, type SubgraphName } from "../../shared/config.ts";
import { postgresSchema } from "./database/migrations.ts";
import { closeServer, listen } from "../../shared/http/listen.ts";
import { exitOnStartFailure } from "../../shared/observability/fatal.ts";
import { createLogger } from "../../shared/observability/logger.ts";
import { importMetrics, metricsOf, serveMetrics, type BatchTally } from "../../shared/observability/metrics.ts";
import { startTracing, type Tracing } from "../../shared/observability/tracing.ts";
import { reportReady } from "../../shared/process/ready.ts";
import type { PrismaLike, Subgraph, SubgraphOptions } from "./subgraph.ts";

type Build = (config: HubConfig, options: SubgraphOptions) => Promise<Subgraph<PrismaLike>>;

/** The entry every subgraph's index.ts calls: that subgraph alone in its process. */
export const runSubgraph = (name: SubgraphName, build: Build) => runSubgraphs([[name, build]], name);

/**
 * A process serving the named subgraphs, each built and listening on its own port (and metrics
 * port) as if alone, all drained on SIGTERM. Traces carry one service name per process: `service`.
 */
export async function runSubgraphs(builds: [SubgraphName, Build][], service: string) {
  const tracing = await startTracing(service);
  const config = readConfig();
  const names = builds.map(([name]) => name);
  const started = await Promise.all(builds.map(([name, build]) => startSubgraph(name, build, config, tracing))).catch(
    exitOnStartFailure(
      names.length === 1 ? `the ${names[0]} subgraph` : "the subgraphs",
      names.map((name) => `${envKey(name)}_PORT or ${envKey(name)}_METRICS_PORT`).join(", "),
    ),
  );
  if (names.length > 1) createLogger(service).lifecycle({ subgraphs: names }, `subgraphs ready in one process: ${names.join(", ")}`);
  reportReady();
  const shutdown = async () => {
    await Promise.all(
      started.map(async ({ server, metrics }) => {
        await closeServer(server);
        if (metrics) await closeServer(metrics);
      }),
    );
    for (const { subgraph } of started) await subgraph.close();
    await tracing.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

async function startSubgraph(name: SubgraphName, build: Build, config: HubConfig, tracing: Tracing) {
  const started = Date.now();
  const subgraph = await build(config, { scale: config.sampleScale });
  const { registry } = metricsOf(name);
  importMetrics(registry, () =>
    subgraph.database.sql.query<BatchTally>(
      `SELECT kind, status, count(*)::int AS batches, COALESCE(sum(rows_loaded), 0)::float8 AS rows FROM "${postgresSchema(name)}".import_batch GROUP BY kind, status`,
    ),
  );
  const metrics = config.metrics && (await serveMetrics(registry, config.metrics.port(name), config.metrics.host));
  const { server, url } = await listen(subgraph.http.app, config.subgraphPort(name), config.host);
  const database = subgraph.database.embedded ? "embedded PGlite" : "PostgreSQL";
  const metricsUrl = config.metrics ? `http://${config.metrics.host}:${config.metrics.port(name)}/metrics` : "off";
  createLogger(name).lifecycle(
    { url: `${url}/graphql`, startMs: Date.now() - started, database, tracesExported: tracing.exporting, metrics: metricsUrl },
    `${name} subgraph ready at ${url}/graphql in ${Date.now() - started} ms (${database})`,
  );
  return { subgraph, server, metrics };
}
