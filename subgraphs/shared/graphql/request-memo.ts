import { isKnownVersionToken } from "../../../shared/data-version/version-token.ts";

/** Promises of figures by key: each figure set is fetched once however many fields ask for it. */
export type RequestMemo = <T>(key: string, fetch: () => Promise<T>) => Promise<T>;

/** A memo for one request alone. */
export function createRequestMemo(): RequestMemo {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, fetch());
    return cache.get(key) as Promise<T>;
  };
}

/** The same memo with every key under a prefix: loaders for another day of publication share the store apart. */
export const withinMemo =
  (memo: RequestMemo, prefix: string): RequestMemo =>
  (key, fetch) =>
    memo(`${prefix}|${key}`, fetch);

/** How many figure sets are kept for the data as it stands (periods, days, measures asked); the oldest go first. */
const KEPT_ENTRIES = 512;

/**
 * Figures computed from a subgraph's data are the same for every request until that data changes,
 * whoever asks (loaders never read the viewer): a different force's page reuses the period's
 * national figures instead of fetching and tallying them again. Entries live under the subgraph's
 * data version; each request keeps the version it started with, so it never mixes figures from
 * before and after a load, and while the version is unknown nothing is shared. A failed fetch is
 * forgotten, never served again.
 */
export function createDataMemo(currentVersion: () => string): () => RequestMemo {
  let version = "";
  let shared = new Map<string, Promise<unknown>>();
  return () => {
    const requestVersion = currentVersion();
    const own = createRequestMemo();
    if (!isKnownVersionToken(requestVersion)) return own;
    return <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
      if (currentVersion() !== requestVersion) return own(key, fetch);
      if (version !== requestVersion) [version, shared] = [requestVersion, new Map<string, Promise<unknown>>()];
      const kept = shared.get(key);
      if (kept) return own(key, () => kept as Promise<T>);
      const fetched = own(key, fetch);
      shared.set(key, fetched);
      if (shared.size > KEPT_ENTRIES) shared.delete(shared.keys().next().value!);
      fetched.catch(() => shared.get(key) === fetched && shared.delete(key));
      return fetched;
    };
  };
}
