import { randomUUID } from "node:crypto";
import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isExportingTraces } from "./tracing.ts";

declare module "http" {
  interface IncomingMessage {
    /** The W3C trace this request belongs to: the caller's, or a new one. */
    traceId?: string;
    /** Express's URL before mounting; absent on a request no Express router has seen. */
    originalUrl?: string;
  }
}

const tracer = trace.getTracer("police-performance-hub");
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const NO_TRACE = "0".repeat(32);

const incomingTraceId = (header: string | string[] | undefined) => {
  const match = TRACEPARENT.exec(typeof header === "string" ? header : "");
  return match && match[1] !== NO_TRACE ? match[1] : undefined;
};

/** randomUUID draws from a cached pool: randomBytes per request showed in the gateway's profile. */
const newTraceId = () => randomUUID().replaceAll("-", "");
let hops = 0;

/**
 * A `traceparent` carrying only the trace id, for the next hop when no spans are recorded: the
 * parent id is a counter (any non-zero id is valid where no span by that id was exported).
 */
export const traceparentFor = (traceId: string) => `00-${traceId}-${(++hops % 0xffffffff || 1).toString(16).padStart(16, "0")}-00`;

/**
 * Every request gets its trace id (the caller's `traceparent`, or a new one) for its log lines and
 * the subgraph calls it makes. When traces are exported it also gets a server span, and the rest
 * of the request runs inside it; without an exporter no span or async context is made at all (the
 * context manager's promise hooks cost a third of the throughput of cached answers). Mounted after
 * the body is read: Express calls what follows a body parser from the stream's end event. Plain
 * Node requests are traced too (the gateway's cache runs before Express), and a request traced
 * already is not traced twice.
 */
export function traceRequests(service: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.traceId) return next();
    if (!isExportingTraces()) {
      request.traceId = incomingTraceId(request.headers.traceparent) ?? newTraceId();
      return next();
    }
    const parent = propagation.extract(context.active(), request.headers);
    const path = (request.originalUrl ?? request.url ?? "").split("?")[0];
    const span = tracer.startSpan(
      `${request.method} ${path}`,
      { kind: SpanKind.SERVER, attributes: { "hub.service": service, "http.request.method": request.method, "url.path": path } },
      parent,
    );
    request.traceId = span.spanContext().traceId;
    response.once("finish", () => {
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Headers that carry the current span to the next hop (a subgraph call); none when traces are not exported. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (isExportingTraces()) propagation.inject(context.active(), carrier);
  return carrier;
}
