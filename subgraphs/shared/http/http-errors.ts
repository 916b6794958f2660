import type { ErrorRequestHandler } from "express";

/**
 * Errors raised before GraphQL sees a request (a body that is not JSON, one over the size limit)
 * get a coded JSON answer; express's own page would show a stack trace outside production.
 */
export const httpErrors: ErrorRequestHandler = (error, _request, response, _next) => {
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message = status === 413 ? "The request body is too large" : status === 400 ? "The request body is not valid JSON" : "Internal server error";
  if (status === 500) console.error("http error:", error);
  response.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
};
