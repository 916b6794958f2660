import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { answerWithApollo } from "../shared/http/apollo-answer.ts";
import { sendHttpError } from "../shared/http/http-errors.ts";
import { isJsonGraphQLPost, readBody } from "../shared/http/request-body.ts";
import { traceRequests } from "../shared/observability/trace-requests.ts";
import type { AnswerFromCache } from "./response-cache/serve-cached.ts";
import type { GatewayContext } from "./subgraph-data-source.ts";

/** The largest request body the gateway reads, here and in Express's JSON parser behind it. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface FrontDoor {
  /** Everything else: GET, CSV, the explorer, health probes, and bodies of unknown length. */
  app: RequestListener;
  apollo: ApolloServer<GatewayContext>;
  contextOf: (request: IncomingMessage) => Promise<GatewayContext>;
  answerFromCache?: AnswerFromCache;
}

/**
 * What dashboards send, a JSON POST to /graphql, is answered without Express: from the response
 * cache when it holds the answer, else by Apollo Server directly. The body is read once; a body
 * that is not a JSON object gets the same coded 400 as Express's parser would give.
 */
export function frontDoor({ app, apollo, contextOf, answerFromCache }: FrontDoor): RequestListener {
  const traced = traceRequests("gateway");
  return (request: IncomingMessage, response: ServerResponse) => {
    if (!isJsonGraphQLPost(request, BODY_LIMIT_BYTES) || request.headers.accept?.includes("text/csv")) return app(request, response);
    traced(request, response, () => void readBody(request).then(answer, () => response.destroy()));

    async function answer(raw: Buffer) {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendHttpError(response, 400);
      }
      if (!body || typeof body !== "object") return sendHttpError(response, 400);
      try {
        // A refused token is Apollo Server's to answer (401 with its code), as for any request not in the cache.
        const fromCache = await answerFromCache?.(request, response, body).catch(() => false);
        if (!fromCache) await answerWithApollo(apollo, request, body, response, () => contextOf(request));
      } catch (error) {
        console.error("gateway: request failed:", error);
        if (!response.headersSent) sendHttpError(response, 500);
        else response.destroy();
      }
    }
  };
}
