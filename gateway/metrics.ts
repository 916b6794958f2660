import { Counter } from "prom-client";
import { metricsOf } from "../shared/observability/metrics.ts";

const { registry } = metricsOf("gateway");

/** Answers by what the response cache did: hit (from the cache), miss (computed and stored), bypass (not cacheable). */
export const responseCacheAnswers = new Counter({
  name: "hub_response_cache_answers_total",
  help: "GraphQL answers by response cache result: hit, miss (computed and stored) or bypass (not cacheable)",
  labelNames: ["result"] as const,
  registers: [registry],
});

/** Subgraph calls that failed: timeout (no answer within SUBGRAPH_TIMEOUT_MS) or unavailable (refused, reset, an HTTP error). */
export const subgraphFetchFailures = new Counter({
  name: "hub_subgraph_fetch_failures_total",
  help: "Calls from the gateway to a subgraph that failed, by subgraph and reason (timeout, unavailable)",
  labelNames: ["subgraph", "reason"] as const,
  registers: [registry],
});
