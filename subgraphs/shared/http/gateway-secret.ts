import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";

/** The header the gateway sends its shared secret in. */
export const GATEWAY_SECRET_HEADER = "x-hub-gateway-secret";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Subgraphs answer only the gateway: anything without its secret gets 401 and no detail. */
export function requireGatewaySecret(secret: string): RequestHandler {
  return (request, response, next) => {
    const given = request.header(GATEWAY_SECRET_HEADER);
    if (given && sameSecret(given, secret)) return next();
    response.status(401).json({ errors: [{ message: "This subgraph answers only the gateway", extensions: { code: "UNAUTHENTICATED" } }] });
  };
}
