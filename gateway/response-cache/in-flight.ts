/**
 * Answers being computed now, by cache key. Right after a load empties the cache, dashboards ask
 * the same operations again within the time one answer takes to compute; a request for a key being
 * computed waits for that answer (then served from the cache) instead of computing it again.
 */
export class AnswersInFlight {
  private readonly computing = new Map<string, Promise<void>>();

  /** Marks `key` as being computed by the caller; the returned function ends that, stored or not. */
  begin(key: string): () => void {
    let finish = () => {};
    this.computing.set(key, new Promise<void>((resolve) => (finish = resolve)));
    return () => {
      this.computing.delete(key);
      finish();
    };
  }

  /** Waits for `key`'s computation when one is running (at most `limitMs`): true if there was one. */
  async wait(key: string, limitMs: number): Promise<boolean> {
    const computing = this.computing.get(key);
    if (!computing) return false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([computing, new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)))]);
    clearTimeout(timer);
    return true;
  }
}
