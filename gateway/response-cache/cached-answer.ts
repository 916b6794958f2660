import { createHash } from "node:crypto";
import type { Viewer } from "../../shared/auth/viewer.ts";

/** Response header: HIT (from the cache), MISS (computed, now cached), BYPASS (not cacheable: a mutation, an error, a version unknown). */
export const CACHE_STATUS_HEADER = "x-hub-cache";
/** Sent as the value of that header on a request, computes the answer now (and caches it in place of the old one). */
export const REFRESH = "refresh";

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  bypasses: number;
}

/** What a cache entry holds: the operation answered (for the audit log) and the answer as sent, already UTF-8. */
export interface CachedAnswer {
  operationName: string | null;
  body: Buffer;
}

const scopeOf = (viewer: Viewer) => (viewer.role === "FORCE" ? `FORCE:${viewer.forceId}` : viewer.role);

/**
 * Every subgraph's data version, the viewer's scope (role; force for FORCE users), the document,
 * the operation name and the variables: a load anywhere makes every earlier key unreachable, and
 * no viewer is ever served another scope's answer.
 */
export function cacheKey(
  vector: string,
  viewer: Viewer,
  query: string,
  operationName: string | null | undefined,
  variables: unknown,
): string {
  return createHash("sha256")
    .update(JSON.stringify([vector, scopeOf(viewer), query, operationName ?? null, variables ?? null]))
    .digest("base64url");
}

const NEWLINE = 0x0a;

/**
 * One line naming the operation, then the body, as bytes: a hit sends a slice of what is stored,
 * neither parsed nor encoded again.
 */
export const encodeAnswer = (operationName: string | null, body: string) => Buffer.from(`${JSON.stringify(operationName)}\n${body}`);

export function decodeAnswer(stored: Buffer): CachedAnswer {
  const newline = stored.indexOf(NEWLINE);
  return { operationName: JSON.parse(stored.toString("utf8", 0, newline)) as string | null, body: stored.subarray(newline + 1) };
}

/** The headers of every cacheable answer: the ETag is the key, public answers may be kept by a CDN or browser and revalidated. */
export function cacheHeaders(key: string, viewer: Viewer, vary: string | undefined): Record<string, string> {
  return {
    etag: `"${key}"`,
    "cache-control": `${viewer.role === "PUBLIC" ? "public" : "private"}, max-age=0, must-revalidate`,
    vary: [vary, "authorization"].filter(Boolean).join(", "),
  };
}
