import express, { type RequestHandler } from "express";
import { verifyRequest } from "../../../shared/auth/signed-request.ts";
import type { Viewer } from "../../../shared/auth/viewer.ts";

declare module "express-serve-static-core" {
  interface Request {
    viewer?: Viewer;
  }
}

const unauthenticated = {
  errors: [{ message: "This subgraph answers only requests the gateway signed", extensions: { code: "UNAUTHENTICATED" } }],
};

/**
 * Subgraphs answer only the gateway: every request, health probes and _entities included, must carry
 * claims the gateway signed over this body within the last seconds; anything else gets 401 and no detail.
 * The body is read raw first, since the signature covers its exact bytes.
 */
export function requireSignedRequest(secret: string, bodyLimit: string): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: bodyLimit }),
    (request, response, next) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const result = verifyRequest(secret, request.headers as Record<string, string | undefined>, body);
      if ("refused" in result) {
        response.status(401).json(unauthenticated);
        return;
      }
      request.viewer = result.viewer;
      if (body.length && request.is("application/json")) {
        try {
          request.body = JSON.parse(body.toString("utf8")) as unknown;
        } catch {
          response.status(400).json({ errors: [{ message: "The body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
          return;
        }
      }
      next();
    },
  ];
}
