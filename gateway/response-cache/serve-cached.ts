import type { IncomingMessage, ServerResponse } from "node:http";
import type { Viewer } from "../../shared/auth/viewer.ts";
import { observeAnswer } from "../../shared/observability/request-observer.ts";
import { responseCacheAnswers } from "../metrics.ts";
import { auditEntry, type AuditRecord } from "../plugins/audit/index.ts";
import type { DataVersions } from "./data-versions.ts";
import type { ResponseStore } from "./store.ts";
import type { AnswersInFlight } from "./in-flight.ts";
import { CACHE_STATUS_HEADER, cacheHeaders, cacheKey, decodeAnswer, REFRESH, type ResponseCacheStats } from "./cached-answer.ts";

export interface CachedAnswerServer {
  versions: DataVersions;
  store: ResponseStore;
  stats: ResponseCacheStats;
  viewerOf: (request: IncomingMessage) => Promise<Viewer>;
  record?: (entry: AuditRecord) => void;
  inFlight: AnswersInFlight;
  waitLimitMs: number;
}

export type AnswerFromCache = (request: IncomingMessage, response: ServerResponse, body: object) => Promise<boolean>;

interface GraphQLPost {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

const isGraphQLPost = (body: object): body is GraphQLPost =>
  typeof (body as GraphQLPost).query === "string" && (body as { extensions?: unknown }).extensions === undefined;

/**
 * Answers a POSTed query found in the cache before Apollo Server parses, validates and plans it:
 * an answer is only ever stored after the whole pipeline (limits, trusted documents, introspection
 * policy) let that very document through for that scope, so nothing it would refuse is served.
 * The audit log records the answer as the pipeline would. Resolves false, having sent nothing,
 * for anything not found, a persisted query by id, or a request for a refresh.
 */
export function serveCachedAnswers({
  versions,
  store,
  stats,
  viewerOf,
  record,
  inFlight,
  waitLimitMs,
}: CachedAnswerServer): AnswerFromCache {
  return async (request, response, body) => {
    const vector = versions.current();
    if (!vector || !isGraphQLPost(body) || String(request.headers[CACHE_STATUS_HEADER] ?? "").toLowerCase() === REFRESH) return false;
    const { query, operationName, variables } = body;
    const startedAtMs = performance.now();
    const viewer = await viewerOf(request);
    const key = cacheKey(vector, viewer, query, operationName, variables);
    let stored = await store.get(key);
    if (stored === undefined && (await inFlight.wait(key, waitLimitMs))) stored = await store.get(key);
    if (stored === undefined) return false;
    const cached = decodeAnswer(stored);
    stats.hits++;
    responseCacheAnswers.inc({ result: "hit" });
    record?.(auditEntry({ viewer, operationName: cached.operationName, query, variables, errorCodes: [], answeredWithData: true }));
    const headers = { [CACHE_STATUS_HEADER]: "HIT", ...cacheHeaders(key, viewer, undefined) };
    if (request.headers["if-none-match"] === `"${key}"`) response.writeHead(304, headers).end();
    else
      response
        .writeHead(200, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": cached.body.length })
        .end(cached.body);
    observeAnswer("gateway", {
      traceId: request.traceId,
      operationName: cached.operationName,
      role: viewer.role,
      outcome: "OK",
      errorCodes: [],
      startedAtMs,
      cache: "HIT",
    });
    return true;
  };
}
