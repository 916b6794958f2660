import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, RequestListener } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from "../shared/config.ts";
import { Supergraph } from "@apollo/federation-internals";
import type { Viewer } from "../shared/auth/viewer.ts";
import { dateArgumentsPlugin } from "../shared/graphql/date-arguments.ts";
import { formatError } from "../shared/graphql/errors.ts";
import { httpErrors, notFound } from "../shared/http/http-errors.ts";
import { checkSubgraphs } from "./readiness.ts";
import { createTokenVerifier } from "./auth/verify-token.ts";
import { auditPlugin, type AuditOptions } from "./plugins/audit/index.ts";
import { createAuditSink } from "./plugins/audit/sink.ts";
import { operationResolution } from "./plugins/operation-resolution/index.ts";
import { trustedDocumentsPolicy, type TrustedDocumentsOptions } from "./plugins/trusted-documents/index.ts";
import { TrustedDocumentCache } from "./trusted-documents/document-cache.ts";
import { readManifest } from "./trusted-documents/manifest.ts";
import { queryLimits } from "./plugins/query-limits/index.ts";
import { responseCachePlugin, type ResponseCacheOptions } from "./plugins/response-cache/index.ts";
import type { ResponseCacheStats } from "./response-cache/cached-answer.ts";
import { serveCachedAnswers } from "./response-cache/serve-cached.ts";
import { BODY_LIMIT_BYTES, frontDoor } from "./front-door.ts";
import { DataVersions } from "./response-cache/data-versions.ts";
import { memoryStore, redisStore } from "./response-cache/store.ts";
import { AnswersInFlight } from "./response-cache/in-flight.ts";
import { introspectionPolicy } from "./plugins/introspection/index.ts";
import { SubgraphDataSource, type GatewayContext } from "./subgraph-data-source.ts";
import { csvAnswers } from "./answer-table/csv-answers.ts";
import { requestObserver } from "../shared/observability/request-observer.ts";
import { traceRequests } from "../shared/observability/trace-requests.ts";
import { subgraphAnswers } from "./response-cache/subgraph-answers.ts";
import { EXPLORER_DIST } from "./explorer-dist.ts";

export interface GatewayOptions {
  /** Subgraph URLs that replace the ones in the supergraph (tests, scale-out). */
  subgraphUrls?: Partial<Record<string, string>>;
}

export interface Gateway {
  /** What the HTTP server calls: JSON POSTs go to the cache and Apollo Server directly, the rest through Express. */
  handler: RequestListener;
  subgraphs: { name: string; url: string }[];
  /** Every subgraph's data version as the gateway last heard it; undefined when the cache is off. */
  dataVersions: DataVersions | undefined;
  cacheStats: ResponseCacheStats;
  stop(): Promise<void>;
}

const isSubgraphName = (name: string): name is SubgraphName => (SUBGRAPH_NAMES as readonly string[]).includes(name);

/**
 * The subgraphs a supergraph names (read by the federation library), each at the address the
 * settings give it (`<NAME>_URL`, else `HOST` and `<NAME>_PORT`), as the launcher and the subgraphs
 * read the same settings: one set of settings places every process, wherever it is started.
 */
export function subgraphsOf(
  supergraphSdl: string,
  config: HubConfig,
  overrides: Partial<Record<string, string>> = {},
): { name: string; url: string }[] {
  return Supergraph.build(supergraphSdl)
    .subgraphs()
    .values()
    .map(({ name, url }) => ({ name, url: overrides[name] ?? (isSubgraphName(name) ? config.subgraphUrl(name) : url) }));
}

/**
 * Apollo Server's plugins, in the order they run: the limits on hostile documents first, then who
 * may run what (introspection, an operation that resolves, trusted documents), then the audit of
 * what was answered, the response cache (which keeps only answers every plugin before it allowed),
 * and the request log last, so it sees the outcome.
 */
function gatewayPlugins(
  config: HubConfig,
  parts: {
    limits: ApolloServerPlugin<GatewayContext>[];
    manifest: TrustedDocumentsOptions["manifest"];
    audit: AuditOptions | undefined;
    cache: ResponseCacheOptions | undefined;
  },
): ApolloServerPlugin<GatewayContext>[] {
  return [
    ...parts.limits,
    ApolloServerPluginLandingPageDisabled(),
    dateArgumentsPlugin(),
    introspectionPolicy({ production: config.environment === "production" }),
    operationResolution(),
    trustedDocumentsPolicy({ required: config.trustedDocuments === "required", manifest: parts.manifest }),
    ...(parts.audit ? [auditPlugin(parts.audit)] : []),
    ...(parts.cache ? [responseCachePlugin(parts.cache)] : []),
    requestObserver<GatewayContext>("gateway"),
  ];
}

export async function createGateway(config: HubConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const subgraphs = subgraphsOf(supergraphSdl, config, options.subgraphUrls);
  const urlOf = new Map(subgraphs.map(({ name, url }) => [name, url]));
  const secret = config.gatewaySecret();
  const dataVersions = config.responseCache ? new DataVersions(subgraphs, secret) : undefined;
  const answers = dataVersions && subgraphAnswers(dataVersions);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, urlOf.get(name) ?? url!, secret, config.subgraphTimeoutMs, answers, dataVersions),
  });
  const limits = queryLimits();
  const manifest = readManifest();
  const forces = subgraphs.find((subgraph) => subgraph.name === "forces");
  const audit = forces ? createAuditSink(new URL("/audit", forces.url).toString(), secret) : undefined;
  const cacheStats: ResponseCacheStats = { hits: 0, misses: 0, bypasses: 0 };
  const store = dataVersions && (config.redisUrl ? redisStore(config.redisUrl) : memoryStore());
  dataVersions?.onChange(() => store?.clear());
  const inFlight = new AnswersInFlight();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: true,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    validationOptions: limits.validationOptions,
    persistedQueries: { cache: new TrustedDocumentCache(manifest) },
    plugins: gatewayPlugins(config, {
      limits: limits.plugins as ApolloServerPlugin<GatewayContext>[],
      manifest,
      audit,
      cache:
        dataVersions && store
          ? { versions: dataVersions, store, stats: cacheStats, inFlight, waitLimitMs: config.subgraphTimeoutMs }
          : undefined,
    }),
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  // Express would hash every answer for a weak ETag: the response cache sets its own, the key, on answers that can be reused.
  app.set("etag", false);
  app.get("/healthz", (_request, response) => {
    response.json({ status: "alive" });
  });
  app.get("/readyz", async (_request, response) => {
    const report = await checkSubgraphs(subgraphs, secret);
    const ready = report.every((subgraph) => subgraph.ready);
    response.status(ready ? 200 : 503).json({ status: ready ? "ready" : "degraded", subgraphs: report });
  });
  // What `hub` commands wait for after a change: each subgraph's data version as this gateway serves it.
  app.get("/data-versions", (_request, response) => {
    response.set("cache-control", "no-store").json({
      subgraphs: dataVersions ? Object.fromEntries(subgraphs.map(({ name }) => [name, dataVersions.versionOf(name) ?? null])) : null,
    });
  });
  const verifyToken = createTokenVerifier(config);
  // The fast path and Apollo Server's context verify a request's token once between them.
  const viewers = new WeakMap<IncomingMessage, Promise<Viewer>>();
  const viewerOf = (request: IncomingMessage) => {
    if (!viewers.has(request)) viewers.set(request, verifyToken(request.headers.authorization));
    return viewers.get(request)!;
  };
  const contextOf = async (request: IncomingMessage): Promise<GatewayContext> => ({
    viewer: await viewerOf(request),
    traceId: request.traceId,
  });
  app.all(
    "/graphql",
    express.json({ limit: BODY_LIMIT_BYTES }),
    traceRequests("gateway"),
    csvAnswers(apollo, contextOf),
    expressMiddleware(apollo, { context: ({ req }) => contextOf(req) }),
  );
  if (existsSync(EXPLORER_DIST)) {
    app.get("/explorer/config.json", (_request, response) => {
      const oidc = config.oidc && {
        issuer: config.oidc.issuer,
        clientId: config.oidc.clientId,
        scope: config.oidc.scope,
        roleClaim: config.oidc.roleClaim,
      };
      // In production the schema is for signed-in roles: the explorer opens without asking for it until then.
      response.json({ oidc, introspection: config.environment === "production" ? "signed-in" : "open" });
    });
    app.use("/explorer", express.static(EXPLORER_DIST));
    // The table tool is a page of the same bundle: its assets load from /explorer/assets.
    app.get("/tables/", (_request, response) => response.sendFile(join(EXPLORER_DIST, "tables", "index.html"), { dotfiles: "allow" }));
    app.get("/", (_request, response) => response.redirect("/explorer/"));
  }
  app.use(notFound, httpErrors);
  const answerFromCache =
    dataVersions && store
      ? serveCachedAnswers({
          versions: dataVersions,
          store,
          stats: cacheStats,
          viewerOf,
          record: audit?.record,
          inFlight,
          waitLimitMs: config.subgraphTimeoutMs,
        })
      : undefined;
  const handler = frontDoor({ app, apollo, contextOf, answerFromCache });
  return {
    handler,
    subgraphs,
    dataVersions,
    cacheStats,
    stop: async () => {
      dataVersions?.stop();
      await store?.stop();
      await apollo.stop();
      await audit?.stop();
    },
  };
}
