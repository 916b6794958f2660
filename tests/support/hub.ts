import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway } from "../../gateway/server.ts";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../subgraphs/shared/config.ts";
import { GATEWAY_SECRET_HEADER } from "../../subgraphs/shared/http/gateway-secret.ts";
import { closeServer, listen } from "../../subgraphs/shared/http/listen.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";

export const TEST_SECRET = "test-gateway-secret";

/** The databases the end-to-end suite runs on: always PGlite, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: { name: string; url?: string }[] = [
  { name: "PGlite" },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "PostgreSQL", url: process.env.TEST_DATABASE_URL }] : []),
];

export interface RunningHub {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, Subgraph<PrismaLike>>;
  /** SQL statements the subgraphs have run since the hub started. */
  statements(): number;
  graphql(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }>;
  stop(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The whole graph in this process: five subgraphs and the gateway on free ports, sample data loaded. */
export async function startHub(databaseUrl?: string): Promise<RunningHub> {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-test-"));
  const config = readConfig({ NODE_ENV: "test", HUB_DATA_DIR: dataDir, GATEWAY_SECRET: TEST_SECRET, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const subgraphs = {} as Record<SubgraphName, Subgraph<PrismaLike>>;
  const servers: Server[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  let statements = 0;
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      subgraphs[name] = await buildSubgraph(name, config, { inMemory: true });
      subgraphs[name].prisma.$on("query", () => statements++);
      const { server, url } = await listen(subgraphs[name].http.app, 0, "127.0.0.1");
      servers.push(server);
      subgraphUrls[name] = `${url}/graphql`;
    }),
  );
  const gateway = await createGateway(config, { subgraphUrls });
  const { server, url } = await listen(gateway.app, 0, "127.0.0.1");
  const gatewayUrl = url;
  return {
    gatewayUrl,
    subgraphUrls,
    subgraphs,
    statements: () => statements,
    graphql: (query, variables) => postJson(`${gatewayUrl}/graphql`, { query, variables }),
    stop: async () => {
      await closeServer(server);
      await gateway.stop();
      await Promise.all(servers.map(closeServer));
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const subgraphHeaders = { [GATEWAY_SECRET_HEADER]: TEST_SECRET };
