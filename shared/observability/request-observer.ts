import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { trace } from "@opentelemetry/api";
import { getOperationAST } from "graphql";
import { createLogger } from "./logger.ts";
import type { Viewer } from "../auth/viewer.ts";
import { metricsOf, type Outcome } from "./metrics.ts";
import { currentTraceId } from "./tracing.ts";
import { codeOf } from "../graphql/errors.ts";

/** OK: no errors; PARTIAL: data with errors; ERROR: no data. */
export const outcomeOf = (errorCodes: string[], answeredWithData: boolean): Outcome =>
  errorCodes.length === 0 ? "OK" : answeredWithData ? "PARTIAL" : "ERROR";

export interface AnsweredRequest {
  /** The request's trace (trace-requests.ts); the active span's when there is one. */
  traceId: string | undefined;
  operationName: string | null;
  role: string;
  outcome: Outcome;
  errorCodes: string[];
  startedAtMs: number;
  cache?: string;
}

/** Counts the operation in the service's metrics and writes its log line, with the trace it belongs to. */
export function observeAnswer(
  service: string,
  { traceId, operationName, role, outcome, errorCodes, startedAtMs, cache }: AnsweredRequest,
): void {
  const durationMs = performance.now() - startedAtMs;
  metricsOf(service).recordOperation(operationName, outcome, durationMs / 1000);
  createLogger(service).info(
    {
      traceId: currentTraceId() ?? traceId,
      operationName,
      role,
      outcome,
      ...(errorCodes.length ? { errorCodes } : {}),
      durationMs: Math.round(durationMs * 10) / 10,
      ...(cache ? { cache } : {}),
    },
    "graphql request",
  );
}

/** Every operation Apollo Server answers: metrics, a log line, and its name on the request's span. */
export function requestObserver<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAtMs = performance.now();
      return {
        async didResolveOperation({ operationName }) {
          trace.getActiveSpan()?.setAttribute("graphql.operation.name", operationName ?? "anonymous");
        },
        async willSendResponse({ response, errors, operationName, request, document }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const errorCodes = [...new Set((errors ?? body?.errors ?? []).map((error) => codeOf(error)))];
          const { viewer, traceId } = contextValue as { viewer?: Viewer; traceId?: string };
          const role = viewer?.role ?? "PUBLIC";
          const cache = response.http.headers.get("x-hub-cache") ?? undefined;
          // A document that failed validation has no resolved operation, but its name is still known.
          const named = operationName ?? request.operationName ?? (document && getOperationAST(document)?.name?.value) ?? null;
          observeAnswer(service, {
            traceId,
            operationName: named,
            role,
            outcome: outcomeOf(errorCodes, !!body?.data),
            errorCodes,
            startedAtMs,
            cache,
          });
        },
      };
    },
  };
}
