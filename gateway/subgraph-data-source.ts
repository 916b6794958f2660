import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GATEWAY_SECRET_HEADER } from "../subgraphs/shared/http/gateway-secret.ts";

/**
 * Every call to a subgraph carries the gateway's secret and gives up after the timeout,
 * so a slow subgraph costs its own fields an error, never the whole answer.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(url: string, secret: string, timeoutMs: number) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
      willSendRequest: ({ request }) => {
        request.http?.headers.set(GATEWAY_SECRET_HEADER, secret);
      },
    });
  }
}
