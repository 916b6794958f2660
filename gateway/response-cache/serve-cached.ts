import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { HubLogger } from "../../subgraphs/shared/observability/logger.ts";
import type { Viewer } from "../../subgraphs/shared/auth/viewer.ts";
import { observeAnswer } from "../../subgraphs/shared/observability/request-observer.ts";
import { responseCacheAnswers } from "../metrics.ts";
import { auditEntry, type AuditRecord } from "../audit/audit-plugin.ts";
import type { DataVersions } from "./data-versions.ts";
import type { ResponseStore } from "./store.ts";
import type { AnswersInFlight } from "./in-flight.ts";
import { CACHE_STATUS_HEADER, cacheHeaders, cacheKey, decodeAnswer, REFRESH, type ResponseCacheStats } from "./cached-answer.ts";

export interface CachedAnswerServer {
  versions: DataVersions;
  store: ResponseStore;
  stats: ResponseCacheStats;
  viewerOf(request: Request): Promise<Viewer>;
  record?(entry: AuditRecord): void;
  logger: HubLogger;
  inFlight: AnswersInFlight;
  waitLimitMs: number;
}

interface GraphQLPost {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

const isGraphQLPost = (body: unknown): body is GraphQLPost =>
  !!body && typeof body === "object" && typeof (body as GraphQLPost).query === "string" && (body as { extensions?: unknown }).extensions === undefined;

/**
 * Answers a POSTed query found in the cache before Apollo Server parses, validates and plans it:
 * an answer is only ever stored after the whole pipeline (limits, trusted documents, introspection
 * policy) let that very document through for that scope, so nothing it would refuse is served.
 * The audit log records the answer as the pipeline would. Anything not found, or not a plain
 * JSON POST (a persisted query by id, a GET), goes on to Apollo Server.
 */
export function serveCachedAnswers({ versions, store, stats, viewerOf, record, logger, inFlight, waitLimitMs }: CachedAnswerServer): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const vector = versions.current();
    const body: unknown = request.body;
    if (request.method !== "POST" || !vector || !isGraphQLPost(body) || request.get(CACHE_STATUS_HEADER)?.toLowerCase() === REFRESH) return next();
    answer(vector, body).then((answered) => answered || next(), () => next());

    async function answer(vector: string, { query, operationName, variables }: GraphQLPost): Promise<boolean> {
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
      // Written with Node's own calls: Express's send() would copy the body and look again for an ETag it has been given.
      if (request.get("if-none-match") === `"${key}"`) response.writeHead(304, headers).end();
      else response.writeHead(200, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": cached.body.length }).end(cached.body);
      observeAnswer(logger, { traceId: request.traceId, operationName: cached.operationName, role: viewer.role, outcome: "OK", errorCodes: [], startedAtMs, cache: "HIT" });
      return true;
    }
  };
}
