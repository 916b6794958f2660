import { signRequest } from "../../shared/auth/signed-request.ts";
import { DATA_VERSION_WAIT_MS, isKnownVersionToken } from "../../shared/data-version/version-token.ts";
import { Backoff, pause } from "../../shared/retry/backoff.ts";

const GATEWAY_VIEWER = { subject: "gateway", role: "HOME_OFFICE" } as const;

/**
 * The data version of every subgraph, followed by long polls: each subgraph answers the moment its
 * data changes (its database's NOTIFY, whoever made the change). While any subgraph's version is
 * unknown (down, restarting, unreadable), `current()` is undefined and nothing is cached or served
 * from the cache.
 */
export class DataVersions {
  private readonly versions = new Map<string, string | undefined>();
  private readonly stopping = new AbortController();
  private readonly listeners = new Set<() => void>();
  private vector: string | undefined;

  constructor(
    private readonly subgraphs: { name: string; url: string }[],
    private readonly secret: string,
  ) {
    for (const { name, url } of subgraphs) void this.follow(name, new URL("/data-version", url));
  }

  /** One string naming the version of every subgraph, or undefined while one is unknown. */
  current(): string | undefined {
    return this.vector;
  }

  /** One subgraph's version, or undefined while it is unknown. */
  versionOf(name: string): string | undefined {
    return this.versions.get(name);
  }

  /** Calls back whenever the vector changes (tests wait on it; the memory store drops old answers). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  stop(): void {
    this.stopping.abort();
  }

  private set(name: string, version: string | undefined): void {
    if (this.versions.get(name) === version && this.versions.has(name)) return;
    this.versions.set(name, version);
    const known = this.subgraphs.every((subgraph) => this.versions.get(subgraph.name) !== undefined);
    this.vector = known ? this.subgraphs.map((subgraph) => `${subgraph.name}=${this.versions.get(subgraph.name)}`).join(",") : undefined;
    for (const listener of this.listeners) listener();
  }

  private async follow(name: string, endpoint: URL): Promise<void> {
    let known = "";
    // A subgraph restarting is back within seconds: its version is asked for again soon after.
    const retry = new Backoff({ firstMs: 250, maxMs: 2_000 });
    while (!this.stopping.signal.aborted) {
      try {
        endpoint.searchParams.set("after", known);
        const response = await fetch(endpoint, {
          headers: signRequest(this.secret, GATEWAY_VIEWER, ""),
          signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(DATA_VERSION_WAIT_MS + 5_000)]),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { version } = (await response.json()) as { version: string };
        if (!isKnownVersionToken(version)) throw new Error("version unreadable");
        known = version;
        this.set(name, version);
        retry.reset();
      } catch {
        known = "";
        this.set(name, undefined);
        await pause(retry.next(), this.stopping.signal);
      }
    }
  }
}
