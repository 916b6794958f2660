import { mkdtempSync, rmSync } from "node:fs";
import { SignJWT } from "jose";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/server.ts";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { IMPORTERS } from "../../subgraphs/importers.ts";
import { loadForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { runImport, type ImportOptions, type ImportResult } from "../../subgraphs/shared/ingest/run-import.ts";
import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config.ts";
import { signRequest } from "../../shared/auth/signed-request.ts";
import type { Viewer } from "../../shared/auth/viewer.ts";
import { codeFingerprint } from "../../subgraphs/shared/data-version/code-fingerprint.ts";
import { readDataVersion } from "../../subgraphs/shared/data-version/data-version.ts";
import { versionToken } from "../../shared/data-version/version-token.ts";
import { postgresSchema } from "../../subgraphs/shared/database/migrations.ts";
import { startPreparedEmbeddedDatabase } from "./prepared-embedded-database.ts";
import { closeServer, KEEP_ALIVE_MS, listen } from "../../shared/http/listen.ts";
import type { PrismaLike, Subgraph } from "../../subgraphs/shared/subgraph.ts";

export const TEST_SECRET = "test-gateway-secret";
export const TEST_JWT_SECRET = "test-jwt-secret-of-at-least-32-bytes!";

/** A token as `npm run token` mints it, for the test configuration. */
export function mintToken(claims: { role: string; forceId?: string }, { expiresIn = "1h", audience = "police-performance-hub" } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(`test-${claims.role.toLowerCase()}`)
    .setAudience(audience)
    .setIssuer("police-performance-hub-dev")
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

/** The databases the end-to-end suite runs on: always PGlite, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: { name: string; url?: string }[] = [
  { name: "PGlite" },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "PostgreSQL", url: process.env.TEST_DATABASE_URL }] : []),
];

export interface RunningHub {
  gatewayUrl: string;
  gateway: Gateway;
  /** Resolves once the gateway knows every subgraph's data version, so its response cache is in use. */
  cacheReady(): Promise<void>;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, Subgraph<PrismaLike>>;
  /** SQL statements the subgraphs have run since the hub started. */
  statements(): number;
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Listens again on the subgraph's port, as a restarted process would. */
  restartSubgraph(name: SubgraphName): Promise<void>;
  /** Holds back every answer of the subgraph by this long. */
  delaySubgraph(name: SubgraphName, ms: number): void;
  /** GraphQL calls the subgraph has had since the hub started (the gateway's fetches, not its version polls or audit records). */
  graphqlCalls(name: SubgraphName): number;
  /** What SIGTERM does to the gateway: stop taking connections, finish the requests in flight. */
  drainGateway(): Promise<void>;
  /**
   * Imports a file into the running hub's databases, as `hub import` would beside it, and returns
   * once the gateway has heard of the change (its database's notice, a few milliseconds later).
   */
  load(kind: string, file: string, options?: ImportOptions): Promise<ImportResult>;
  /** Runs a change to the data made in this process (a withdrawal, the sample's removal) and returns once the gateway has heard of it. */
  change<T>(work: () => Promise<T>): Promise<T>;
  /** Asks the gateway, as the public or with a bearer token. */
  graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: GraphQLBody }>;
  stop(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> | ((body: string) => Record<string, string>) = {},
) {
  const text = JSON.stringify(body);
  const extra = typeof headers === "function" ? headers(text) : headers;
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...extra }, body: text });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** Headers signing a direct subgraph call as the gateway would, for a viewer (HOME_OFFICE by default). */
export const subgraphHeaders =
  (viewer: Viewer = { subject: "test", role: "HOME_OFFICE" }) =>
  (body: string) =>
    signRequest(TEST_SECRET, viewer, body);

/** Serves an app on a port; a subgraph's answers can be held back to play a slow one. */
function serve(
  app: (request: IncomingMessage, response: ServerResponse) => void,
  port: number,
  delayMs: (request: IncomingMessage) => number,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => void setTimeout(() => app(request, response), delayMs(request)));
  // As listen() serves the hub: the gateway keeps its subgraph connections open, and a server that closed an idle
  // one after Node's default 5 s raced the gateway's next call on it (a SUBGRAPH_UNAVAILABLE once in a suite).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

/** Resolves when the gateway's data versions meet the condition; fails after a few seconds. */
function until(gateway: Gateway, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  if (!gateway.dataVersions || condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the gateway's data versions did not change within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = gateway.dataVersions!.onChange(() => {
      if (!condition()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/**
 * The whole graph in this process: five subgraphs and the gateway on free ports, sample data loaded
 * unless `sample` is false. The gateway and the subgraphs share this one event loop (the embedded
 * database has a thread of its own), which a loaded machine can starve for seconds: the gateway's
 * wait for a subgraph is 30 s here (10 s by default), so that only tests about a slow subgraph meet
 * SUBGRAPH_TIMEOUT.
 */
export async function startHub(
  databaseUrl?: string,
  { environment = "test", subgraphTimeoutMs = 30_000, sample = true, trustedDocuments = "off", env = {} } = {},
): Promise<RunningHub> {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-test-"));
  const settings: Record<string, string> = {
    NODE_ENV: environment,
    HUB_DATA_DIR: dataDir,
    GATEWAY_SECRET: TEST_SECRET,
    JWT_SECRET: TEST_JWT_SECRET,
    SUBGRAPH_TIMEOUT_MS: String(subgraphTimeoutMs),
    HUB_SAMPLE: sample ? "synthetic" : "none",
    TRUSTED_DOCUMENTS: trustedDocuments,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  };
  const config = readConfig(settings);
  // On PGlite the subgraphs share one embedded database, as npm start runs them, from a prepared copy.
  const embedded = databaseUrl ? undefined : await startPreparedEmbeddedDatabase(settings);
  const delays = {} as Record<SubgraphName, number>;
  const calls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;
  const arrived = (name: SubgraphName, request: IncomingMessage) => {
    if (request.url?.startsWith("/graphql")) calls[name]++;
    return delays[name] ?? 0;
  };
  const ports = {} as Record<SubgraphName, number>;
  const subgraphs = {} as Record<SubgraphName, Subgraph<PrismaLike>>;
  const servers = {} as Record<SubgraphName, Server>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  let statements = 0;
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      subgraphs[name] = await buildSubgraph(name, config);
      // Audit writes land in the background, whenever the gateway flushes: not part of answering a query.
      subgraphs[name].prisma.$on("query", (event) => void (event.query.includes("audit_entry") || statements++));
      const { server, url } = await serve(subgraphs[name].http.app, 0, (request) => arrived(name, request));
      servers[name] = server;
      ports[name] = (server.address() as AddressInfo).port;
      subgraphUrls[name] = `${url}/graphql`;
    }),
  );
  const gateway = await createGateway(config, { subgraphUrls });
  const { server, url } = await listen(gateway.handler, 0, "127.0.0.1");
  const gatewayUrl = url;
  /** Waits until the gateway holds every subgraph's data version as its database now has it. */
  const heard = async () => {
    if (!gateway.dataVersions?.current()) return;
    const expected = await Promise.all(
      SUBGRAPH_NAMES.map(
        async (name) =>
          `${name}=${versionToken(codeFingerprint(), await readDataVersion(subgraphs[name].database.sql, postgresSchema(name)))}`,
      ),
    );
    await until(gateway, () => expected.every((version) => gateway.dataVersions!.current()?.split(",").includes(version)));
  };
  return {
    gatewayUrl,
    gateway,
    cacheReady: () => until(gateway, () => gateway.dataVersions?.current() !== undefined),
    subgraphUrls,
    subgraphs,
    statements: () => statements,
    stopSubgraph: (name) => closeServer(servers[name]),
    restartSubgraph: async (name) => {
      servers[name] = (await serve(subgraphs[name].http.app, ports[name], (request) => arrived(name, request))).server;
    },
    delaySubgraph: (name, ms) => void (delays[name] = ms),
    graphqlCalls: (name) => calls[name],
    drainGateway: () => closeServer(server),
    load: async (kind, file, options) => {
      const importer = IMPORTERS[kind];
      const result = await runImport(
        importer,
        file,
        subgraphs[importer.subgraph].database.sql,
        await loadForceResolver(subgraphs.forces.database.sql),
        options,
      );
      await heard();
      return result;
    },
    change: async (work) => {
      const result = await work();
      await heard();
      return result;
    },
    graphql: (query, variables, token) =>
      postJson(`${gatewayUrl}/graphql`, { query, variables }, token ? { authorization: `Bearer ${token}` } : {}),
    stop: async () => {
      if (server.listening) await closeServer(server);
      await gateway.stop();
      await Promise.all(
        Object.values(servers)
          .filter((server) => server.listening)
          .map(closeServer),
      );
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
