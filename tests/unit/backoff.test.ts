import { describe, expect, it, vi } from "vitest";
import { Backoff, pause } from "../../shared/retry/backoff.ts";

describe("the one retry schedule", () => {
  it("doubles each wait up to the most, and starts again from the first after a success", () => {
    const backoff = new Backoff({ firstMs: 500, maxMs: 3_000 });
    expect(Array.from({ length: 5 }, () => backoff.next())).toEqual([500, 1_000, 2_000, 3_000, 3_000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it("pauses for the wait, or not at all once the work is stopping", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const waiting = pause(1_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      const stopping = new AbortController();
      const cut = pause(60_000, stopping.signal);
      stopping.abort();
      await cut;
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
