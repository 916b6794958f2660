import { readConfig } from "../shared/config.ts";
import { closeServer, listen } from "../shared/http/listen.ts";
import { createLogger } from "../shared/observability/logger.ts";
import { metricsOf, serveMetrics } from "../shared/observability/metrics.ts";
import { startTracing } from "../shared/observability/tracing.ts";
import { exitOnStartFailure } from "../shared/observability/fatal.ts";
import { reportReady } from "../shared/process/ready.ts";
import { createGateway } from "./server.ts";

const tracing = await startTracing("gateway");
process.env.APOLLO_TELEMETRY_DISABLED = "1";
const config = readConfig();
const logger = createLogger("gateway");
const started = await start().catch(exitOnStartFailure("gateway", "PORT or METRICS_PORT"));
reportReady();

async function start() {
  const gateway = await createGateway(config);
  const metrics =
    config.metrics && (await serveMetrics(metricsOf("gateway").registry, config.metrics.port("gateway"), config.metrics.host));
  const { server, url } = await listen(gateway.handler, config.gatewayPort, config.host);
  logger.lifecycle(
    {
      url: `${url}/graphql`,
      explorer: `${url}/explorer/`,
      subgraphs: gateway.subgraphs.map((subgraph) => subgraph.name),
      tracesExported: tracing.exporting,
      metrics: config.metrics ? `http://${config.metrics.host}:${config.metrics.port("gateway")}/metrics` : "off",
    },
    `gateway ready at ${url}/graphql (explorer at ${url}/explorer/) serving ${gateway.subgraphs.map((subgraph) => subgraph.name).join(", ")}`,
  );
  return { gateway, metrics, server };
}

const shutdown = async () => {
  const { gateway, metrics, server } = started;
  await closeServer(server);
  if (metrics) await closeServer(metrics);
  await gateway.stop();
  await tracing.stop();
  process.exit(0);
};
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
