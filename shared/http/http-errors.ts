import type { ServerResponse } from "node:http";
import type { ErrorRequestHandler, RequestHandler } from "express";

const ANSWERS: Record<number, { message: string; code: string }> = {
  400: { message: "The request body is not valid JSON", code: "BAD_REQUEST" },
  404: { message: "Not found: GraphQL is served at /graphql", code: "NOT_FOUND" },
  413: { message: "The request body is too large", code: "BAD_REQUEST" },
  500: { message: "Internal server error", code: "INTERNAL_SERVER_ERROR" },
};

/** A coded JSON answer to a request refused before GraphQL sees it (400, 404, 413; 500 for anything else). */
export function sendHttpError(response: ServerResponse, status: number): void {
  const { message, code } = ANSWERS[status] ?? { message: "The request cannot be answered", code: "BAD_REQUEST" };
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
}

/** Any path no route serves (`/graphql/graphql` included: routes are exact), as a coded JSON 404. */
export const notFound: RequestHandler = (_request, response) => sendHttpError(response, 404);

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
