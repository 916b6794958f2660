/**
 * The committed supergraph served by Hive Gateway, for the throughput comparison: the same subgraph
 * URLs as our gateway (<NAME>_URL), and every subgraph call signed as ours signs it (subgraphs
 * accept only signed calls), as the public viewer, which is what an anonymous request is on ours.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { signRequest } from "../../subgraphs/shared/auth/signed-request.ts";
import { PUBLIC_VIEWER } from "../../subgraphs/shared/auth/viewer.ts";
import { readConfig } from "../../subgraphs/shared/config.ts";

const config = readConfig();
const secret = config.gatewaySecret();
const supergraph = readFileSync(config.supergraphPath, "utf8").replace(
  /join__graph\(name: "([^"]+)", url: "[^"]+"\)/g,
  (_, name: string) => `join__graph(name: "${name}", url: "${config.subgraphUrl(name as never)}")`,
);

const runtime = createGatewayRuntime({
  supergraph,
  logging: "error",
  graphiql: false,
  landingPage: false,
  plugins: () => [
    {
      onFetch({ options, setOptions }) {
        const body = typeof options.body === "string" ? options.body : "";
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signRequest(secret, PUBLIC_VIEWER, body) } });
      },
    },
  ],
});

const server = createServer(runtime).listen(config.gatewayPort, config.host, () => console.log(`hive gateway ready at http://${config.host}:${config.gatewayPort}/graphql`));
process.once("SIGTERM", () => server.close(() => process.exit(0)).closeAllConnections());
