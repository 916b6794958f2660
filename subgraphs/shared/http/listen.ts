import type { Server } from "node:http";
import type { Express } from "express";

/** Listens and resolves once the port is bound (port 0 picks a free one). */
export function listen(app: Express, port: number, host: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address();
      const boundPort = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://${host}:${boundPort}` });
    });
    server.keepAliveTimeout = 65_000;
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
