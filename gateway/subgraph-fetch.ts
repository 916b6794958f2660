import { Agent, request } from "node:http";
import { KEEP_ALIVE_MS } from "../shared/http/listen.ts";

export interface SubgraphRequest {
  method?: string;
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
  /** A query, which may be sent again: only reads are retried when a kept-alive connection turns out closed. */
  read?: boolean;
}

/** An answer read whole, so that calls sharing it each get their own response object. */
export interface BufferedAnswer {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/**
 * Subgraph calls reuse their connections: a new TCP connection per call costs more than the call.
 * An idle connection is closed by this side first: with a timeout set, Node's agent follows the
 * subgraph's `Keep-Alive: timeout=65` (KEEP_ALIVE_MS) less a second; without one it ignores it.
 */
export const subgraphAgent = new Agent({ keepAlive: true, maxSockets: 256, timeout: KEEP_ALIVE_MS });

/** The subgraph had closed the kept-alive connection the call went out on: nothing reached it. */
class ClosedWhileIdle extends Error {}

const CLOSED_CONNECTION = new Set(["ECONNRESET", "EPIPE"]);

/**
 * POSTs to a subgraph over node:http with a keep-alive agent. Node's fetch (and node-fetch, the
 * gateway's default) spends several times more CPU per call on streams and WHATWG objects than the
 * call itself needs (0.35 ms per request against 1.1 ms for the default fetcher, measured when this was written).
 *
 * A read sent on a connection the subgraph closed as it fell idle is sent again, as Node's
 * documentation advises (`request.reusedSocket`): a gateway whose event loop was held up past the
 * subgraph's idle limit reuses the connection before it hears it close, and the answer would carry
 * SUBGRAPH_UNAVAILABLE for a subgraph that is up. Each retry spends a closed connection, so it ends.
 */
export async function postToSubgraph(url: string, init: SubgraphRequest): Promise<BufferedAnswer> {
  for (;;) {
    try {
      return await send(url, init);
    } catch (error) {
      if (!(error instanceof ClosedWhileIdle)) throw error;
    }
  }
}

function send(url: string, init: SubgraphRequest): Promise<BufferedAnswer> {
  let answered = false;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: init.method ?? "POST",
        headers: { ...init.headers, "content-length": Buffer.byteLength(init.body) },
        agent: subgraphAgent,
        signal: init.signal,
      },
      (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () =>
          resolve({
            url,
            status: incoming.statusCode ?? 0,
            statusText: incoming.statusMessage ?? "",
            headers: Object.entries(incoming.headers).map(([name, value]) => [
              name,
              Array.isArray(value) ? value.join(", ") : (value ?? ""),
            ]),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      const closedWhileIdle = init.read && outgoing.reusedSocket && !answered && CLOSED_CONNECTION.has(error.code ?? "");
      reject(closedWhileIdle ? new ClosedWhileIdle(`${url}: the connection was closed while idle`, { cause: error }) : error);
    });
    outgoing.end(init.body);
  });
}

/** A buffered answer as a fetch Response (what @apollo/gateway reads a failed call from), its URL kept. */
export function responseOf({ url, status, statusText, headers, body }: BufferedAnswer): Response {
  const response = new Response(body, { status, statusText, headers });
  Object.defineProperty(response, "url", { value: url });
  return response;
}
