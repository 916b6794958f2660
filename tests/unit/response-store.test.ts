import { describe, expect, it } from "vitest";
import { memoryStore } from "../../gateway/response-cache/store.ts";

const body = (bytes: number, fill = "x") => Buffer.from(fill.repeat(bytes));

describe("the in-memory response store", () => {
  it("evicts the least recently used answers once over its byte limit, keeping what was read lately", async () => {
    const store = memoryStore(30);
    await store.set("a", body(10));
    await store.set("b", body(10));
    await store.set("c", body(10));
    expect(await store.get("a")).toEqual(body(10));
    await store.set("d", body(10));
    expect(
      [await store.get("a"), await store.get("b"), await store.get("c"), await store.get("d")].map((answer) => answer?.length),
    ).toEqual([10, undefined, 10, 10]);
  });

  it("counts a replaced answer once, never keeps one larger than the whole limit, and empties on clear", async () => {
    const store = memoryStore(30);
    await store.set("a", body(20));
    await store.set("a", body(20, "y"));
    await store.set("b", body(10));
    expect((await store.get("a"))?.toString()).toBe("y".repeat(20));
    expect(await store.get("b")).toBeDefined();
    await store.set("huge", body(31));
    expect(await store.get("huge")).toBeUndefined();
    expect(await store.get("a")).toBeDefined();
    store.clear();
    expect([await store.get("a"), await store.get("b")]).toEqual([undefined, undefined]);
    await store.set("c", body(30));
    expect(await store.get("c")).toBeDefined();
  });
});
