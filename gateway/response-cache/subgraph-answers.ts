import type { BufferedAnswer } from "../subgraph-fetch.ts";
import type { DataVersions } from "./data-versions.ts";
import { memoryStore, type ResponseStore } from "./store.ts";

export type SubgraphAnswers = (subgraph: string, key: string, call: () => Promise<BufferedAnswer>) => Promise<BufferedAnswer>;

/**
 * Each subgraph's answers to the gateway's calls, kept under that subgraph's data version. A load
 * into one subgraph empties the cache of whole answers, but computing them again then asks only that
 * subgraph: the others' data did not change and their answers come from here. The version is part of
 * the key, so an answer is never used once its subgraph's data changed (older ones wait to be evicted);
 * nothing is kept while the version is unknown, and only answers without errors are kept.
 */
export function subgraphAnswers(versions: DataVersions, store: ResponseStore = memoryStore()): SubgraphAnswers {
  return async (subgraph, key, call) => {
    const version = versions.versionOf(subgraph);
    if (!version) return call();
    const stored = `${subgraph}\n${version}\n${key}`;
    const kept = await store.get(stored);
    if (kept)
      return { url: subgraph, status: 200, statusText: "OK", headers: [["content-type", "application/json"]], body: kept.toString("utf8") };
    const answer = await call();
    if (answer.status === 200 && !answer.body.includes('"errors"')) await store.set(stored, Buffer.from(answer.body, "utf8"));
    return answer;
  };
}
