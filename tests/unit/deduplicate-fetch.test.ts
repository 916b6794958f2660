import { describe, expect, it } from "vitest";
import { deduplicateInFlight } from "../../gateway/deduplicate-fetch.ts";
import { responseOf, type BufferedAnswer } from "../../gateway/subgraph-fetch.ts";

const answer = (body: string, status = 200): BufferedAnswer => ({
  url: "http://subgraph/graphql",
  status,
  statusText: "OK",
  headers: [["x-answer", "yes"]],
  body,
});
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 10));

function countingCall(result: () => Promise<BufferedAnswer>) {
  const calls: number[] = [];
  return { calls, call: () => (calls.push(calls.length), result()) };
}

describe("sharing identical subgraph calls in flight", () => {
  it("makes one call for identical calls at the same moment and gives each caller its own copy of the answer", async () => {
    const { calls, call } = countingCall(() => later(answer('{"data":1}')));
    const shared = deduplicateInFlight<BufferedAnswer>();
    const answers = (await Promise.all([1, 2, 3].map(() => shared("viewer|body", call)))).map(responseOf);
    expect(calls).toHaveLength(1);
    for (const response of answers) {
      expect(response.headers.get("x-answer")).toBe("yes");
      expect(await response.json()).toEqual({ data: 1 });
    }
    expect(new Set(answers).size).toBe(3);
  });

  it("never shares between different keys (another viewer or body) and keeps nothing once answered", async () => {
    const { calls, call } = countingCall(() => later(answer("{}")));
    const shared = deduplicateInFlight<BufferedAnswer>();
    await Promise.all([shared("public|a", call), shared("force:kent|a", call)]);
    expect(calls).toHaveLength(2);
    await shared("public|a", call);
    expect(calls).toHaveLength(3);
  });

  it("hands a failure to every caller sharing the call, then tries afresh", async () => {
    let fail = true;
    const { calls, call } = countingCall(() => (fail ? Promise.reject(new Error("connection refused")) : Promise.resolve(answer("{}"))));
    const shared = deduplicateInFlight<BufferedAnswer>();
    const results = await Promise.allSettled([shared("k", call), shared("k", call)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect((await shared("k", call)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
