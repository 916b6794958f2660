import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { Viewer } from "../../subgraphs/shared/auth/viewer.ts";
import type { DataVersions } from "../response-cache/data-versions.ts";
import type { ResponseStore } from "../response-cache/store.ts";
import type { GatewayContext } from "../subgraph-data-source.ts";

/** Root fields whose answer changes without any load: the audit log grows with every operation. */
const NEVER_CACHED_ROOT_FIELDS = new Set(["auditLog"]);

/** Response header: HIT (from the cache), MISS (computed, now cached), BYPASS (not cacheable: a mutation, an error, a version unknown). */
export const CACHE_STATUS_HEADER = "x-hub-cache";
/** Sent as the value of that header on a request, computes the answer now (and caches it in place of the old one). */
const REFRESH = "refresh";

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  bypasses: number;
}

const scopeOf = (viewer: Viewer) => (viewer.role === "FORCE" ? `FORCE:${viewer.forceId}` : viewer.role);

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
  if (!operation || operation.operation !== "query" || !document) return false;
  const fragments = new Map(document.definitions.filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION).map((node) => [node.name.value, node]));
  return !rootFields(operation.selectionSet, fragments).some((field) => NEVER_CACHED_ROOT_FIELDS.has(field));
}

/**
 * Answers a query again from the cache until any subgraph's data changes. The key is every
 * subgraph's data version, the viewer's scope (role; force for FORCE users), the document, the
 * operation name and the variables: a load anywhere makes every earlier key unreachable, and no
 * viewer is ever served another scope's answer. Only whole, error-free answers are kept. Cached
 * answers pass through every other plugin as computed ones do (limits, trusted documents, audit).
 * The ETag is the key's digest, so a client holding it gets 304 while the data stands.
 */
export function responseCachePlugin(versions: DataVersions, store: ResponseStore, stats: ResponseCacheStats): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let status: "HIT" | "MISS" | "BYPASS" = "BYPASS";
      return {
        async responseForOperation(context) {
          const vector = versions.current();
          if (!vector || !cacheable(context)) return null;
          const { request, contextValue } = context;
          key = createHash("sha256")
            .update(JSON.stringify([vector, scopeOf(contextValue.viewer), request.query, request.operationName ?? null, request.variables ?? null]))
            .digest("base64url");
          // The client already holds this very answer: no need to look it up, let alone compute it.
          if (request.http?.headers.get("if-none-match") === `"${key}"`) {
            status = "HIT";
            return { http: { status: undefined, headers: context.response.http.headers }, body: { kind: "single", singleResult: { data: null } } };
          }
          // `Cache-Control: no-cache` is not honoured here: fetch() adds it to every conditional request, and a
          // cached answer is never stale anyway. Measurements that need the work done ask for a refresh by name.
          const refresh = request.http?.headers.get(CACHE_STATUS_HEADER)?.toLowerCase() === REFRESH;
          const cached = refresh ? undefined : await store.get(key);
          if (cached === undefined) {
            status = "MISS";
            return null;
          }
          status = "HIT";
          return { http: { status: undefined, headers: context.response.http.headers }, body: { kind: "single", singleResult: JSON.parse(cached) } };
        },
        async willSendResponse({ response, request, contextValue }) {
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          if (status === "MISS" && key && result && !result.errors && result.data) await store.set(key, JSON.stringify({ data: result.data }));
          else if (status === "MISS") status = "BYPASS";
          stats[status === "HIT" ? "hits" : status === "MISS" ? "misses" : "bypasses"]++;
          const headers = response.http.headers;
          headers.set(CACHE_STATUS_HEADER, status);
          if (status === "BYPASS" || !key) return;
          const etag = `"${key}"`;
          headers.set("etag", etag);
          headers.set("cache-control", `${contextValue.viewer.role === "PUBLIC" ? "public" : "private"}, max-age=0, must-revalidate`);
          headers.set("vary", [headers.get("vary"), "authorization"].filter(Boolean).join(", "));
          if (request.http?.headers.get("if-none-match") === etag) response.http.status = 304;
        },
      };
    },
  };
}
