import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { RequestHandler } from "express";

const tracer = trace.getTracer("police-performance-hub");

/**
 * A server span per request, child of the caller's trace when it sent W3C `traceparent`; the rest
 * of the request runs inside it. Mounted after the body is read: Express calls what follows a body
 * parser from the stream's end event, outside any context set before it.
 */
export function traceRequests(service: string): RequestHandler {
  return (request, response, next) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(`${request.method} ${request.baseUrl || request.path}`, { kind: SpanKind.SERVER, attributes: { "hub.service": service, "http.request.method": request.method, "url.path": request.originalUrl.split("?")[0] } }, parent);
    response.once("finish", () => {
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Headers that carry the current trace to the next hop (a subgraph call). */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}
