import { describe, expect, it } from "vitest";
import { createDataMemo } from "../../subgraphs/shared/graphql/request-memo.ts";

function counted<T>(value: T) {
  let calls = 0;
  return { fetch: async () => (calls++, value), calls: () => calls };
}

describe("figure sets shared between requests until the data changes", () => {
  it("fetches a figure set once for every request under one data version", async () => {
    const memo = createDataMemo(() => "p1:7");
    const national = counted("43 forces");
    for (let request = 0; request < 3; request++) expect(await memo()("figures|2025", national.fetch)).toBe("43 forces");
    expect(national.calls()).toBe(1);
  });

  it("fetches again once the version has moved on, and a request keeps to the version it started with", async () => {
    let version = "p1:7";
    const memo = createDataMemo(() => version);
    const before = counted("before the load");
    await memo()("figures", before.fetch);
    const startedBefore = memo();
    version = "p1:8";
    const after = counted("after the load");
    expect(await memo()("figures", after.fetch)).toBe("after the load");
    expect(await startedBefore("figures", counted("fetched for the old request alone").fetch)).toBe("fetched for the old request alone");
    expect(await memo()("figures", counted("never fetched").fetch)).toBe("after the load");
  });

  it("shares nothing while the version is unknown, and forgets a failed fetch", async () => {
    const unknown = createDataMemo(() => "p1:?");
    const figures = counted(1);
    await unknown()("figures", figures.fetch);
    await unknown()("figures", figures.fetch);
    expect(figures.calls()).toBe(2);

    const memo = createDataMemo(() => "p1:7");
    await expect(memo()("figures", () => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    expect(await memo()("figures", async () => "fetched again")).toBe("fetched again");
  });
});
