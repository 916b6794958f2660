import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { signRequest } from "../subgraphs/shared/auth/signed-request.ts";
import { PUBLIC_VIEWER, type Viewer } from "../subgraphs/shared/auth/viewer.ts";
import { deduplicateInFlight } from "./deduplicate-fetch.ts";
import { postToSubgraph, responseOf, type BufferedAnswer, type SubgraphRequest } from "./subgraph-fetch.ts";
import { subgraphFetchFailures } from "./metrics.ts";
import type { SubgraphAnswers } from "./response-cache/subgraph-answers.ts";
import { traceHeaders, traceparentFor } from "../subgraphs/shared/observability/trace-requests.ts";

/** Only reads are shared between identical calls in flight; the gateway's plan names each fetch `query …` or `mutation …`. */
const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

/** Carries the viewer from willSendRequest to the fetcher, which signs it together with the final body. */
const VIEWER_HEADER = "x-hub-viewer-unsigned";
/** Carries GatewayContext.reuseSubgraphAnswers the same way; never sent to the subgraph. */
const REUSE_HEADER = "x-hub-reuse-answers";

export interface GatewayContext {
  viewer: Viewer;
  /** The request's trace, passed to every subgraph call (trace-requests.ts). */
  traceId?: string;
  /** Set by the response cache for an answer it will keep: subgraph answers kept under unchanged data versions may be used. */
  reuseSubgraphAnswers?: boolean;
}

/**
 * Every call to a subgraph carries the viewer's claims, signed with the body, and gives up after
 * the timeout, so a slow subgraph costs its own fields an error, never the whole answer.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    secret: string,
    timeoutMs: number,
    answers?: SubgraphAnswers,
  ) {
    const shared = deduplicateInFlight<BufferedAnswer>();
    super({
      url,
      // The subgraphs' Cache-Control is never read: the gateway's own cache follows data versions instead.
      honorSubgraphCacheControlHeader: false,
      fetcher: (async (input: string, init: SubgraphRequest) => {
        const { [VIEWER_HEADER]: viewerJson = JSON.stringify(PUBLIC_VIEWER), [REUSE_HEADER]: reuse, ...headers } = init.headers;
        const body = init.body ?? "";
        const signed = { ...init, headers: { ...headers, ...signRequest(secret, JSON.parse(viewerJson) as Viewer, body), ...traceHeaders() }, signal: AbortSignal.timeout(timeoutMs) };
        const call = () => postToSubgraph(input, signed);
        if (!isQuery(body)) return responseOf(await call());
        const key = `${viewerJson}\n${body}`;
        return responseOf(await shared(key, answers && reuse ? () => answers(serviceName, key, call) : call));
      }) as never,
      willSendRequest: ({ request, context }) => {
        request.http?.headers.set(VIEWER_HEADER, JSON.stringify(context?.viewer ?? PUBLIC_VIEWER));
        if (context?.traceId) request.http?.headers.set("traceparent", traceparentFor(context.traceId));
        if (context?.reuseSubgraphAnswers) request.http?.headers.set(REUSE_HEADER, "1");
      },
    });
  }

  /** A subgraph that is down or too slow costs its own fields, with an error that names it. */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    const timedOut = error.name === "TimeoutError" || (error.cause as Error | undefined)?.name === "TimeoutError";
    subgraphFetchFailures.inc({ subgraph: this.serviceName, reason: timedOut ? "timeout" : "unavailable" });
    throw new GraphQLError(timedOut ? `The ${this.serviceName} subgraph did not answer in time` : `The ${this.serviceName} subgraph is unavailable`, {
      extensions: { code: timedOut ? "SUBGRAPH_TIMEOUT" : "SUBGRAPH_UNAVAILABLE", serviceName: this.serviceName },
    });
  }
}
