import { readConfig, type HubConfig, type SubgraphName } from "./config.ts";
import { closeServer, listen } from "./http/listen.ts";
import type { PrismaLike, Subgraph, SubgraphOptions } from "./subgraph.ts";

/** The entry every subgraph's index.ts calls: build, listen on its port, drain on SIGTERM. */
export async function runSubgraph(name: SubgraphName, build: (config: HubConfig, options: SubgraphOptions) => Promise<Subgraph<PrismaLike>>) {
  const config = readConfig();
  const started = Date.now();
  const subgraph = await build(config, { scale: config.sampleScale });
  const { server, url } = await listen(subgraph.http.app, config.subgraphPort(name), config.host);
  console.log(`${name} subgraph ready at ${url}/graphql in ${Date.now() - started} ms (${subgraph.database.embedded ? "embedded PGlite" : "PostgreSQL"})`);
  const shutdown = async () => {
    await closeServer(server);
    await subgraph.close();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
