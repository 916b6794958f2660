import { describe, expect, it } from "vitest";
import { deduplicateInFlight } from "../../gateway/deduplicate-fetch.ts";

function countingFetch(answer: () => Promise<Response>) {
  const calls: string[] = [];
  const fetcher = (input: string) => {
    calls.push(input);
    return answer();
  };
  return { calls, fetcher };
}

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 10));

describe("sharing identical subgraph calls in flight", () => {
  it("makes one call for identical calls at the same moment and gives each caller its own copy of the answer", async () => {
    const { calls, fetcher } = countingFetch(() => later(new Response('{"data":1}', { status: 200, headers: { "x-answer": "yes" } })));
    const shared = deduplicateInFlight(fetcher);
    const answers = await Promise.all([1, 2, 3].map(() => shared("viewer|body", "http://subgraph/graphql", {})));
    expect(calls).toHaveLength(1);
    for (const answer of answers) {
      expect(answer.headers.get("x-answer")).toBe("yes");
      expect(await answer.json()).toEqual({ data: 1 });
    }
  });

  it("never shares between different keys (another viewer or body) and keeps nothing once answered", async () => {
    const { calls, fetcher } = countingFetch(() => later(new Response("{}")));
    const shared = deduplicateInFlight(fetcher);
    await Promise.all([shared("public|a", "u", {}), shared("force:kent|a", "u", {})]);
    expect(calls).toHaveLength(2);
    await shared("public|a", "u", {});
    expect(calls).toHaveLength(3);
  });

  it("hands a failure to every caller sharing the call, then tries afresh", async () => {
    let fail = true;
    const { calls, fetcher } = countingFetch(() => (fail ? Promise.reject(new Error("connection refused")) : Promise.resolve(new Response("{}"))));
    const shared = deduplicateInFlight(fetcher);
    const results = await Promise.allSettled([shared("k", "u", {}), shared("k", "u", {})]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect((await shared("k", "u", {})).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
