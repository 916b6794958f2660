import { readConfig } from "../subgraphs/shared/config.ts";
import { closeServer, listen } from "../subgraphs/shared/http/listen.ts";
import { createGateway } from "./server.ts";

process.env.APOLLO_TELEMETRY_DISABLED = "1";
const config = readConfig();
const gateway = await createGateway(config);
const { server, url } = await listen(gateway.app, config.gatewayPort, config.host);
console.log(`gateway ready at ${url}/graphql (explorer at ${url}/explorer/) serving ${gateway.subgraphs.map((subgraph) => subgraph.name).join(", ")}`);

const shutdown = async () => {
  await closeServer(server);
  await gateway.stop();
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
