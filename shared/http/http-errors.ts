import type { ServerResponse } from "node:http";
import type { ErrorRequestHandler } from "express";

/** A coded JSON answer to a request refused before GraphQL sees it (413, 400, or 500 for anything else). */
export function sendHttpError(response: ServerResponse, status: number): void {
  const message =
    status === 413 ? "The request body is too large" : status === 400 ? "The request body is not valid JSON" : "Internal server error";
  const body = JSON.stringify({ errors: [{ message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
}

/**
 * Errors raised before GraphQL sees a request (a body that is not JSON, one over the size limit)
 * get a coded JSON answer; express's own page would show a stack trace outside production.
 */
export const httpErrors: ErrorRequestHandler = (error: unknown, _request, response, _next) => {
  const stated = (error as { status?: unknown } | undefined)?.status;
  const status = typeof stated === "number" && stated >= 400 && stated < 500 ? stated : 500;
  if (status === 500) console.error("http error:", error);
  sendHttpError(response, status);
};
