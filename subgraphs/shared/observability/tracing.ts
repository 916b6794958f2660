import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { PrismaInstrumentation, registerInstrumentations } from "@prisma/instrumentation";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, NodeTracerProvider, ParentBasedSampler } from "@opentelemetry/sdk-trace-node";

export interface Tracing {
  exporting: boolean;
  stop(): Promise<void>;
}

/**
 * Traces for one process of the hub (`service.name` hub-<gateway or subgraph>), with W3C trace
 * context in and out. With OTEL_EXPORTER_OTLP_ENDPOINT set, every span is exported over OTLP/HTTP
 * (the gateway's request, plan and fetch spans from @apollo/gateway, each subgraph's request and
 * Prisma's SQL spans); without it nothing is recorded or exported, but trace ids still flow to the
 * logs and to the subgraphs, so a log line can be matched with its request anywhere in the hub.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  const exporting = !!env.OTEL_EXPORTER_OTLP_ENDPOINT || !!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": `hub-${service}`, "service.namespace": "police-performance-hub" }),
    sampler: new ParentBasedSampler({ root: exporting ? new AlwaysOnSampler() : new AlwaysOffSampler() }),
    spanProcessors: exporting ? [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1_000 })] : [],
  });
  provider.register();
  if (exporting) registerInstrumentations({ instrumentations: [new PrismaInstrumentation()] });
  return { exporting, stop: () => provider.shutdown() };
}

/** The trace the current work belongs to, for log lines; undefined outside any request. */
export function currentTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && context.traceId !== "00000000000000000000000000000000" ? context.traceId : undefined;
}
