import type { ManifestOperation } from "./manifest.ts";

const APQ_PREFIX = "apq:";

/**
 * The store Apollo Server's automatic persisted queries read and write (keys `apq:<sha256>`): the
 * manifest's operations are always there, so a front-end can send only an id; documents clients
 * register on the fly are kept too, the least recently used dropped beyond a bound.
 */
export class TrustedDocumentCache {
  private readonly registered = new Map<string, string>();

  constructor(
    private readonly manifest: Map<string, ManifestOperation>,
    private readonly maxRegistered = 1_000,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const id = key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
    const registered = this.registered.get(id);
    if (registered !== undefined) {
      this.registered.delete(id);
      this.registered.set(id, registered);
    }
    return this.manifest.get(id)?.body ?? registered;
  }

  async set(key: string, value: string): Promise<void> {
    const id = key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
    if (this.manifest.has(id)) return;
    this.registered.delete(id);
    this.registered.set(id, value);
    if (this.registered.size > this.maxRegistered) this.registered.delete(this.registered.keys().next().value!);
  }

  async delete(key: string): Promise<boolean> {
    return this.registered.delete(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
  }
}
