import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { Kind, OperationTypeNode, type FormattedExecutionResult, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { DataVersions } from "../../response-cache/data-versions.ts";
import type { ResponseStore } from "../../response-cache/store.ts";
import type { AnswersInFlight } from "../../response-cache/in-flight.ts";
import {
  CACHE_STATUS_HEADER,
  cacheHeaders,
  cacheKey,
  decodeAnswer,
  encodeAnswer,
  REFRESH,
  type ResponseCacheStats,
} from "../../response-cache/cached-answer.ts";
import type { GatewayContext } from "../../subgraph-data-source.ts";
import { responseCacheAnswers } from "../../metrics.ts";

/** Root fields whose answer changes without any load: the audit log grows with every operation. */
const NEVER_CACHED_ROOT_FIELDS = new Set(["auditLog"]);

function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

function cacheable({ operation, document }: GraphQLRequestContext<GatewayContext>): boolean {
  if (!operation || operation.operation !== OperationTypeNode.QUERY || !document) return false;
  const fragments = new Map(
    document.definitions
      .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
      .map((node) => [node.name.value, node]),
  );
  return !rootFields(operation.selectionSet, fragments).some((field) => NEVER_CACHED_ROOT_FIELDS.has(field));
}

/**
 * Computes, stores and (for requests the fast path in front of Apollo Server does not take: a
 * persisted query by id, a GET) answers from the cache. Only whole, error-free query answers are
 * kept, after every other plugin has passed them (limits, trusted documents), so an answer found
 * under a key was allowed for that scope and document. The ETag is the key: a client holding it
 * gets 304 while the data stands.
 */
export interface ResponseCacheOptions {
  /** Every subgraph's data version: the key's first part, and nothing is cached while one is unknown. */
  versions: DataVersions;
  store: ResponseStore;
  /** Hits, misses and bypasses, counted for /metrics. */
  stats: ResponseCacheStats;
  /** Answers being computed, so identical requests arriving meanwhile wait for one instead of each computing it. */
  inFlight: AnswersInFlight;
  /** How long such a request waits for the one computing before computing its own (the subgraph timeout). */
  waitLimitMs: number;
}

export function responseCachePlugin({
  versions,
  store,
  stats,
  inFlight,
  waitLimitMs,
}: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let status: "HIT" | "MISS" | "BYPASS" = "BYPASS";
      let computed: (() => void) | undefined;
      return {
        async responseForOperation(context) {
          const vector = versions.current();
          if (!vector || !cacheable(context)) return null;
          const { request, contextValue } = context;
          key = cacheKey(vector, contextValue.viewer, request.query ?? "", request.operationName, request.variables);
          // The client already holds this very answer: no need to look it up, let alone compute it.
          if (request.http?.headers.get("if-none-match") === `"${key}"`) {
            status = "HIT";
            return {
              http: { status: undefined, headers: context.response.http.headers },
              body: { kind: "single", singleResult: { data: null } },
            };
          }
          // `Cache-Control: no-cache` is not honoured here: fetch() adds it to every conditional request, and a
          // cached answer is never stale anyway. Measurements that need the work done ask for a refresh by name.
          const refresh = request.http?.headers.get(CACHE_STATUS_HEADER)?.toLowerCase() === REFRESH;
          let cached = refresh ? undefined : await store.get(key);
          if (cached === undefined && !refresh && (await inFlight.wait(key, waitLimitMs))) cached = await store.get(key);
          if (cached === undefined) {
            status = "MISS";
            contextValue.reuseSubgraphAnswers = !refresh;
            computed = inFlight.begin(key);
            return null;
          }
          status = "HIT";
          return {
            http: { status: undefined, headers: context.response.http.headers },
            body: { kind: "single", singleResult: JSON.parse(decodeAnswer(cached).body.toString("utf8")) as FormattedExecutionResult },
          };
        },
        async willSendResponse({ response, request, contextValue, operationName }) {
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          if (status === "MISS" && key && result && !result.errors && result.data) {
            await store.set(key, encodeAnswer(operationName ?? request.operationName ?? null, JSON.stringify({ data: result.data })));
          } else if (status === "MISS") status = "BYPASS";
          computed?.();
          stats[status === "HIT" ? "hits" : status === "MISS" ? "misses" : "bypasses"]++;
          responseCacheAnswers.inc({ result: status.toLowerCase() });
          const headers = response.http.headers;
          headers.set(CACHE_STATUS_HEADER, status);
          if (status === "BYPASS" || !key) return;
          for (const [name, value] of Object.entries(cacheHeaders(key, contextValue.viewer, headers.get("vary") ?? undefined)))
            headers.set(name, value);
          if (request.http?.headers.get("if-none-match") === `"${key}"`) response.http.status = 304;
        },
      };
    },
  };
}
