import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { HubLogger } from "../../subgraphs/shared/observability/logger.ts";
import type { Viewer } from "../../subgraphs/shared/auth/viewer.ts";
import { observeAnswer } from "../../subgraphs/shared/observability/request-observer.ts";
import { traceRequests } from "../../subgraphs/shared/observability/trace-requests.ts";
import { sendHttpError } from "../../subgraphs/shared/http/http-errors.ts";
import { responseCacheAnswers } from "../metrics.ts";
import { auditEntry, type AuditRecord } from "../audit/audit-plugin.ts";
import type { DataVersions } from "./data-versions.ts";
import type { ResponseStore } from "./store.ts";
import type { AnswersInFlight } from "./in-flight.ts";
import { CACHE_STATUS_HEADER, cacheHeaders, cacheKey, decodeAnswer, REFRESH, type ResponseCacheStats } from "./cached-answer.ts";

/** The largest request body the gateway reads, here and in Express's JSON parser behind it. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface CachedAnswerServer {
  versions: DataVersions;
  store: ResponseStore;
  stats: ResponseCacheStats;
  viewerOf(request: IncomingMessage): Promise<Viewer>;
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

type ParsedRequest = IncomingMessage & { body?: unknown };

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

const isGraphQLPost = (body: unknown): body is GraphQLPost =>
  !!body && typeof body === "object" && typeof (body as GraphQLPost).query === "string" && (body as { extensions?: unknown }).extensions === undefined;

/** A JSON POST to /graphql of a known, allowed size, not asking for CSV nor for a refresh: what a dashboard sends. */
function isPlainGraphQLPost({ method, url, headers }: IncomingMessage): boolean {
  const length = Number(headers["content-length"]);
  return method === "POST" && url === "/graphql" && length > 0 && length <= BODY_LIMIT_BYTES && JSON_CONTENT_TYPE.test(headers["content-type"] ?? "") &&
    !headers.accept?.includes("text/csv") && String(headers[CACHE_STATUS_HEADER] ?? "").toLowerCase() !== REFRESH;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

/**
 * Answers a POSTed query found in the cache before Express routes it and before Apollo Server
 * parses, validates and plans it: an answer is only ever stored after the whole pipeline (limits,
 * trusted documents, introspection policy) let that very document through for that scope, so
 * nothing it would refuse is served. The audit log records the answer as the pipeline would.
 * Anything not found, or not a plain JSON POST (a persisted query by id, a GET, CSV), goes on to
 * `app` with its body already parsed, which Express's JSON parser then leaves as it is.
 */
export function serveCachedAnswers(app: RequestListener, { versions, store, stats, viewerOf, record, logger, inFlight, waitLimitMs }: CachedAnswerServer): RequestListener {
  const traced = traceRequests("gateway");
  return (request: ParsedRequest, response: ServerResponse) => {
    if (!versions.current() || !isPlainGraphQLPost(request)) return app(request, response);
    traced(request, response, () => void readBody(request).then(answerOrPassOn, () => response.destroy()));

    async function answerOrPassOn(raw: Buffer) {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendHttpError(response, 400);
      }
      if (!body || typeof body !== "object") return sendHttpError(response, 400);
      request.body = body;
      const answered = isGraphQLPost(body) && (await answer(body).catch(() => false));
      if (!answered) app(request, response);
    }

    async function answer({ query, operationName, variables }: GraphQLPost): Promise<boolean> {
      const vector = versions.current();
      if (!vector) return false;
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
      else response.writeHead(200, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": cached.body.length }).end(cached.body);
      observeAnswer(logger, { traceId: request.traceId, operationName: cached.operationName, role: viewer.role, outcome: "OK", errorCodes: [], startedAtMs, cache: "HIT" });
      return true;
    }
  };
}
