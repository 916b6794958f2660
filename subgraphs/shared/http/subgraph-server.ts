import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import type { GraphQLSchema } from "graphql";
import { dateArgumentsPlugin } from "../../../shared/graphql/date-arguments.ts";
import { formatError } from "../../../shared/graphql/errors.ts";
import { PUBLIC_VIEWER, type Viewer } from "../../../shared/auth/viewer.ts";
import { httpErrors, notFound } from "../../../shared/http/http-errors.ts";
import { requireSignedRequest } from "./require-signed-request.ts";
import { requestObserver } from "../../../shared/observability/request-observer.ts";
import { traceRequests } from "../../../shared/observability/trace-requests.ts";

export interface SubgraphHttpOptions<TContext extends BaseContext> {
  /** The subgraph's name: its log lines, metrics and spans carry it. */
  name: string;
  schema: GraphQLSchema;
  gatewaySecret: string;
  /** Called once per request with the signed viewer: the place to build that request's DataLoaders. */
  createContext(viewer: Viewer): TContext;
  /** True when the subgraph's database answers. */
  isReady(): Promise<boolean>;
  routes?(app: Express): void;
}

export interface SubgraphHttp {
  app: Express;
  stop(): Promise<void>;
}

export async function createSubgraphHttp<TContext extends BaseContext>(options: SubgraphHttpOptions<TContext>): Promise<SubgraphHttp> {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      dateArgumentsPlugin(),
      requestObserver(options.name),
    ],
  });
  await apollo.start();
  const app = express();
  app.disable("x-powered-by");
  // Only the gateway reads a subgraph's answers, and never revalidates them: no ETag to hash for each.
  app.set("etag", false);
  // Only the gateway gets past the signature, and its entity calls carry every force it fetches.
  app.use(requireSignedRequest(options.gatewaySecret, "10mb"));
  app.get("/healthz", (_request, response) => {
    response.json({ status: "alive" });
  });
  app.get("/readyz", async (_request, response) => {
    const ready = await options.isReady().catch(() => false);
    response.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unavailable" });
  });
  options.routes?.(app);
  app.all(
    "/graphql",
    traceRequests(options.name),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ ...options.createContext(req.viewer ?? PUBLIC_VIEWER), traceId: req.traceId }),
    }),
  );
  app.use(notFound, httpErrors);
  return { app, stop: () => apollo.stop() };
}
