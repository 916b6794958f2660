import { trace } from "@opentelemetry/api";

export interface Tracing {
  exporting: boolean;
  stop(): Promise<void>;
}

let exportingTraces = false;

/** Whether this process records spans and sends them (set once, by `startTracing`). */
export const isExportingTraces = () => exportingTraces;

/**
 * Traces for one process of the hub (`service.name` hub-<gateway or subgraph>), with W3C trace
 * context in and out, when OTEL_EXPORTER_OTLP_ENDPOINT is set: every span is exported over
 * OTLP/HTTP (the gateway's request, plan and fetch spans from @apollo/gateway, each subgraph's
 * request span and Prisma's SQL spans). Without it no tracer is registered and nothing is recorded;
 * trace ids still flow from request to log lines and to the subgraphs (trace-requests.ts). The SDK is
 * loaded only then: its modules held ~15 MB in every process that never exported a span.
 */
export async function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Promise<Tracing> {
  exportingTraces = !!env.OTEL_EXPORTER_OTLP_ENDPOINT || !!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!exportingTraces) return { exporting: false, stop: async () => undefined };
  const [
    { OTLPTraceExporter },
    { PrismaInstrumentation, registerInstrumentations },
    { resourceFromAttributes },
    { BatchSpanProcessor, NodeTracerProvider },
  ] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@prisma/instrumentation"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-node"),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": `hub-${service}`, "service.namespace": "police-performance-hub" }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1_000 })],
  });
  provider.register();
  registerInstrumentations({ instrumentations: [new PrismaInstrumentation()] });
  return { exporting: true, stop: () => provider.shutdown() };
}

/** The trace the current work belongs to, for log lines; undefined outside any request. */
export function currentTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && context.traceId !== "00000000000000000000000000000000" ? context.traceId : undefined;
}
