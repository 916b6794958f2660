import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { signRequest } from "../shared/auth/signed-request.ts";
import { PUBLIC_VIEWER, type Viewer } from "../shared/auth/viewer.ts";
import { deduplicateInFlight } from "./deduplicate-fetch.ts";
import { postToSubgraph, responseOf, type BufferedAnswer } from "./subgraph-fetch.ts";
import { subgraphFetchFailures } from "./metrics.ts";
import type { SubgraphAnswers } from "./response-cache/subgraph-answers.ts";
import type { DataVersions } from "./response-cache/data-versions.ts";
import { traceHeaders, traceparentFor } from "../shared/observability/trace-requests.ts";

/** Only reads are shared between identical calls in flight; the gateway's plan names each fetch `query …` or `mutation …`. */
const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

export interface GatewayContext {
  viewer: Viewer;
  /** The request's trace, passed to every subgraph call (trace-requests.ts). */
  traceId?: string;
  /** Set by the response cache for an answer it will keep: subgraph answers kept under unchanged data versions may be used. */
  reuseSubgraphAnswers?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);

/**
 * Every call to a subgraph carries the viewer's claims, signed with the body, and gives up after
 * the timeout, so a slow subgraph costs its own fields an error, never the whole answer. The call
 * is made here rather than through RemoteGraphQLDataSource's own: it would build WHATWG Request and
 * Headers objects for every call, and read a Cache-Control this gateway never follows.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly shared = deduplicateInFlight<BufferedAnswer>();

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
    private readonly answers?: SubgraphAnswers,
    private readonly versions?: DataVersions,
  ) {
    super({ url });
  }

  override async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const { http: _http, ...operation } = request;
    const body = JSON.stringify(operation);
    const { viewer = PUBLIC_VIEWER, traceId, reuseSubgraphAnswers } = (context ?? {}) as Partial<GatewayContext>;
    const headers = {
      "content-type": "application/json",
      ...signRequest(this.secret, viewer, body),
      ...(traceId ? { traceparent: traceparentFor(traceId) } : {}),
      ...traceHeaders(),
    };
    const call = () => postToSubgraph(this.url, { headers, body, signal: AbortSignal.timeout(this.timeoutMs), read: isQuery(body) });
    try {
      // A call made after the gateway heard of a change never shares the answer of one made before it.
      const key = `${this.versions?.versionOf(this.serviceName) ?? ""}\n${JSON.stringify(viewer)}\n${body}`;
      const answer = !isQuery(body)
        ? await call()
        : await this.shared(key, this.answers && reuseSubgraphAnswers ? () => this.answers!(this.serviceName, key, call) : call);
      if (answer.status < 200 || answer.status >= 300) throw await this.errorFromResponse(responseOf(answer));
      const parsed: unknown = JSON.parse(answer.body);
      if (!isObject(parsed)) throw new Error(`Expected JSON response body, but received: ${answer.body.slice(0, 100)}`);
      return parsed;
    } catch (error) {
      this.didEncounterError(error as Error);
      throw error;
    }
  }

  /** A subgraph that is down or too slow costs its own fields, with an error that names it. */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    const timedOut = error.name === "TimeoutError" || (error.cause as Error | undefined)?.name === "TimeoutError";
    subgraphFetchFailures.inc({ subgraph: this.serviceName, reason: timedOut ? "timeout" : "unavailable" });
    throw new GraphQLError(
      timedOut ? `The ${this.serviceName} subgraph did not answer in time` : `The ${this.serviceName} subgraph is unavailable`,
      {
        extensions: { code: timedOut ? "SUBGRAPH_TIMEOUT" : "SUBGRAPH_UNAVAILABLE", serviceName: this.serviceName },
      },
    );
  }
}
