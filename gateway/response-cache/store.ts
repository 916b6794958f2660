import { Redis } from "ioredis";

/** Where cached answers live: this process's memory, or one Redis shared by every gateway instance. */
export interface ResponseStore {
  readonly kind: "memory" | "redis";
  get(key: string): Promise<Buffer | undefined>;
  set(key: string, body: Buffer): Promise<void>;
  /** Drops every answer (the data changed: none of them can be asked for again). */
  clear(): void;
  stop(): Promise<void>;
}

const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

/** Least recently used answers go first once the limit is reached. */
export function memoryStore(limitBytes = MEMORY_LIMIT_BYTES): ResponseStore {
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  return {
    kind: "memory",
    get: async (key) => {
      const body = entries.get(key);
      if (body === undefined) return undefined;
      entries.delete(key);
      entries.set(key, body);
      return body;
    },
    set: async (key, body) => {
      if (body.length > limitBytes) return;
      const earlier = entries.get(key);
      if (earlier !== undefined) bytes -= earlier.length;
      entries.delete(key);
      entries.set(key, body);
      bytes += body.length;
      for (const [oldest, value] of entries) {
        if (bytes <= limitBytes) break;
        entries.delete(oldest);
        bytes -= value.length;
      }
    },
    clear: () => {
      entries.clear();
      bytes = 0;
    },
    stop: async () => undefined,
  };
}

/** Keys carry every subgraph's data version, so an old answer is never asked for again; it only waits to expire. */
const REDIS_TTL_SECONDS = 3_600;
const KEY_PREFIX = "hub:response:";
const COMPLAIN_EVERY_MS = 60_000;

/**
 * Shared by every gateway instance behind one load balancer. Redis trouble never fails a request:
 * a lookup or a write that cannot be made is a miss, and the answer is computed as if uncached.
 */
export function redisStore(url: string): ResponseStore {
  const redis = new Redis(url, { keyPrefix: KEY_PREFIX, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  let complainedAt = 0;
  const complain = (error: Error) => {
    if (Date.now() - complainedAt < COMPLAIN_EVERY_MS) return;
    complainedAt = Date.now();
    console.error(`response cache: Redis at ${new URL(url).host} is not answering (${error.message}); answering uncached meanwhile`);
  };
  redis.on("error", complain);
  return {
    kind: "redis",
    get: async (key) => {
      try {
        return (await redis.getBuffer(key)) ?? undefined;
      } catch (error) {
        complain(error as Error);
        return undefined;
      }
    },
    set: async (key, body) => {
      try {
        await redis.set(key, body, "EX", REDIS_TTL_SECONDS);
      } catch (error) {
        complain(error as Error);
      }
    },
    clear: () => undefined,
    stop: async () => {
      redis.disconnect();
    },
  };
}
