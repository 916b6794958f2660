/** A per-request cache of promises by key: each figure set is fetched once however many fields ask for it. */
export function createRequestMemo() {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, fetch());
    return cache.get(key) as Promise<T>;
  };
}
export type RequestMemo = ReturnType<typeof createRequestMemo>;
