import { createServer, type RequestListener, type Server } from "node:http";

/**
 * How long a server keeps an idle connection: longer than its clients keep theirs idle, so the
 * gateway never sends a call on a connection the subgraph is closing (Node's default is 5 s).
 */
export const KEEP_ALIVE_MS = 65_000;

/** Listens and resolves once the port is bound (port 0 picks a free one). */
export function listen(handler: RequestListener, port: number, host: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const boundPort = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://${host}:${boundPort}` });
    });
  });
}

/**
 * Stops taking connections and lets requests in flight finish: keep-alive connections are closed
 * as they fall idle, and any still open after the grace period are cut.
 */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
