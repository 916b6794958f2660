import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

/** A client mistake in an argument: BAD_USER_INPUT naming the argument. */
export function badArgument(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argumentName },
  });
}

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "PERSISTED_QUERY_REQUIRED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
]);

/**
 * Errors leave with a code and never a stack trace; anything unexpected is logged here
 * and reaches the client only as INTERNAL_SERVER_ERROR, since its message may hold SQL or paths.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === "string" ? extensions.code : "INTERNAL_SERVER_ERROR";
  if (CLIENT_CODES.has(code) || extensions.serviceName) {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  console.error("internal error:", (error as { originalError?: unknown })?.originalError ?? error);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** An error's code as its extensions give it; INTERNAL_SERVER_ERROR when it has none. */
export const codeOf = (error: { extensions?: { code?: unknown } }): string =>
  typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
