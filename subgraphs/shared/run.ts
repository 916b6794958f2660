import { envKey, readConfig, type HubConfig, type SubgraphName } from "./config.ts";
import { postgresSchema } from "./database/migrations.ts";
import { closeServer, listen } from "./http/listen.ts";
import { exitOnStartFailure } from "./observability/fatal.ts";
import { createLogger, type HubLogger } from "./observability/logger.ts";
import { importMetrics, serveMetrics, type BatchTally } from "./observability/metrics.ts";
import { startTracing, type Tracing } from "./observability/tracing.ts";
import type { PrismaLike, Subgraph, SubgraphOptions } from "./subgraph.ts";

type Build = (config: HubConfig, options: SubgraphOptions) => Promise<Subgraph<PrismaLike>>;

/** The entry every subgraph's index.ts calls: tracing first, then build, listen on its port (and the metrics port), drain on SIGTERM. */
export async function runSubgraph(name: SubgraphName, build: Build) {
  const tracing = await startTracing(name);
  const config = readConfig();
  const { subgraph, server, metrics } = await startSubgraph(name, build, config, createLogger(name), tracing).catch(
    exitOnStartFailure(`the ${name} subgraph`, `${envKey(name)}_PORT or ${envKey(name)}_METRICS_PORT`),
  );
  const shutdown = async () => {
    await closeServer(server);
    if (metrics) await closeServer(metrics);
    await subgraph.close();
    await tracing.stop();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

async function startSubgraph(name: SubgraphName, build: Build, config: HubConfig, logger: HubLogger, tracing: Tracing) {
  const started = Date.now();
  const subgraph = await build(config, { scale: config.sampleScale });
  importMetrics(() =>
    subgraph.database.sql.query<BatchTally>(
      `SELECT kind, status, count(*)::int AS batches, COALESCE(sum(rows_loaded), 0)::float8 AS rows FROM "${postgresSchema(name)}".import_batch GROUP BY kind, status`,
    ),
  );
  const metrics = config.metrics && (await serveMetrics(config.metrics.port(name), config.metrics.host));
  const { server, url } = await listen(subgraph.http.app, config.subgraphPort(name), config.host);
  const database = subgraph.database.embedded ? "embedded PGlite" : "PostgreSQL";
  const metricsUrl = config.metrics ? `http://${config.metrics.host}:${config.metrics.port(name)}/metrics` : "off";
  logger.lifecycle({ url: `${url}/graphql`, startMs: Date.now() - started, database, tracesExported: tracing.exporting, metrics: metricsUrl }, `${name} subgraph ready at ${url}/graphql in ${Date.now() - started} ms (${database})`);
  return { subgraph, server, metrics };
}
