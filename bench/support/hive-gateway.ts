/**
 * The committed supergraph served by Hive Gateway, for comparisons: the same subgraph URLs as our
 * gateway (<NAME>_URL), every subgraph call signed as ours signs it (subgraphs accept only signed
 * calls) for the viewer our gateway would make of the request's token. HIVE_PLANNER=rust plans
 * with the Rust query planner (@graphql-hive/router-runtime); HIVE_RESPONSE_CACHE=on turns Hive's
 * response cache on, one cache entry per token (anonymous requests share one).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { createTokenVerifier } from "../../gateway/auth/verify-token.ts";
import { signRequest } from "../../shared/auth/signed-request.ts";
import type { Viewer } from "../../shared/auth/viewer.ts";
import { readConfig, type SubgraphName } from "../../shared/config.ts";
import { reportReady } from "../../shared/process/ready.ts";

const config = readConfig();
const secret = config.gatewaySecret();
const viewerOf = createTokenVerifier(config);
const viewers = new WeakMap<Request, Promise<Viewer>>();
const supergraph = readFileSync(config.supergraphPath, "utf8").replace(
  /join__graph\(name: "([^"]+)", url: "[^"]+"\)/g,
  (_, name: string) => `join__graph(name: "${name}", url: "${config.subgraphUrl(name as SubgraphName)}")`,
);

/**
 * Hive at its fastest: its default store in Node (an in-memory LRU of 1,000 keys) thrashes on the
 * dashboard mix, whose answers index many entities each; a plain Map never evicts.
 */
function unboundedCache() {
  const entries = new Map<string, unknown>();
  return {
    get: async (key: string) => entries.get(key),
    set: async (key: string, value: unknown) => void entries.set(key, value),
    delete: async (key: string) => entries.delete(key),
    getKeysByPrefix: async (prefix: string) => [...entries.keys()].filter((key) => key.startsWith(prefix)),
  };
}

const runtime = createGatewayRuntime({
  supergraph,
  logging: "error",
  graphiql: false,
  landingPage: false,
  ...(process.env.HIVE_PLANNER === "rust" ? { unifiedGraphHandler } : {}),
  ...(process.env.HIVE_RESPONSE_CACHE === "on"
    ? { cache: unboundedCache(), responseCaching: { session: (request: Request) => request.headers.get("authorization") } }
    : {}),
  plugins: () => [
    {
      async onFetch(payload) {
        const { context, options } = payload;
        const request = (context as { request: Request }).request;
        if (!viewers.has(request)) viewers.set(request, viewerOf(request.headers.get("authorization") ?? undefined));
        const viewer = await viewers.get(request)!;
        const body = typeof options.body === "string" ? options.body : "";
        payload.setOptions({
          ...options,
          headers: { ...(options.headers as Record<string, string>), ...signRequest(secret, viewer, body) },
        });
      },
    },
  ],
});

const server = createServer((request, response) => void runtime(request, response)).listen(config.gatewayPort, config.host, () => {
  console.log(`hive gateway ready at http://${config.host}:${config.gatewayPort}/graphql`);
  reportReady();
});
process.once("SIGTERM", () => server.close(() => process.exit(0)).closeAllConnections());
