import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { signRequest } from "../subgraphs/shared/auth/signed-request.ts";
import { PUBLIC_VIEWER, type Viewer } from "../subgraphs/shared/auth/viewer.ts";

/** Carries the viewer from willSendRequest to the fetcher, which signs it together with the final body. */
const VIEWER_HEADER = "x-hub-viewer-unsigned";

export interface GatewayContext {
  viewer: Viewer;
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
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) => {
        const headers = new Headers(init.headers as HeadersInit);
        const viewer = JSON.parse(headers.get(VIEWER_HEADER) ?? JSON.stringify(PUBLIC_VIEWER)) as Viewer;
        headers.delete(VIEWER_HEADER);
        for (const [name, value] of Object.entries(signRequest(secret, viewer, (init.body as string) ?? ""))) headers.set(name, value);
        return fetch(input, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
      }) as never,
      willSendRequest: ({ request, context }) => {
        request.http?.headers.set(VIEWER_HEADER, JSON.stringify(context?.viewer ?? PUBLIC_VIEWER));
      },
    });
  }

  /** A subgraph that is down or too slow costs its own fields, with an error that names it. */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    const timedOut = error.name === "TimeoutError" || (error.cause as Error | undefined)?.name === "TimeoutError";
    throw new GraphQLError(timedOut ? `The ${this.serviceName} subgraph did not answer in time` : `The ${this.serviceName} subgraph is unavailable`, {
      extensions: { code: timedOut ? "SUBGRAPH_TIMEOUT" : "SUBGRAPH_UNAVAILABLE", serviceName: this.serviceName },
    });
  }
}
