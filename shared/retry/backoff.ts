/**
 * The one retry schedule of the hub's background work (a supervised process, a lost LISTEN, a data
 * version feed, the audit log): waits that double from `firstMs` up to `maxMs`, back to `firstMs`
 * once the work succeeds again, so a long outage is retried calmly and a blip at once.
 */
export class Backoff {
  private nextMs: number;

  constructor(private readonly limits: { firstMs: number; maxMs: number }) {
    this.nextMs = limits.firstMs;
  }

  /** The wait before the next attempt; the one after it is twice as long, up to the most. */
  next(): number {
    const waitMs = this.nextMs;
    this.nextMs = Math.min(waitMs * 2, this.limits.maxMs);
    return waitMs;
  }

  reset(): void {
    this.nextMs = this.limits.firstMs;
  }
}

/** Resolves after `ms`, or at once when the signal aborts (a process stopping does not wait out a retry). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
