import { postgresSchema } from "../../subgraphs/shared/database/migrations.ts";
import type { SubgraphName } from "../../shared/config.ts";
import type { Database } from "../../subgraphs/shared/database/open.ts";
import { readDataVersion } from "../../subgraphs/shared/data-version/data-version.ts";

const WAIT_LIMIT_MS = 10_000;
const POLL_EVERY_MS = 10;

export type DataVersionsRead = Map<SubgraphName, string>;

export async function readDataVersions(databases: Map<SubgraphName, Database>): Promise<DataVersionsRead> {
  const read: DataVersionsRead = new Map();
  for (const [name, database] of databases) read.set(name, await readDataVersion(database.sql, postgresSchema(name)).catch(() => ""));
  return read;
}

/** The gateway's version token of each subgraph; undefined when no gateway answers there or its cache is off (nothing to wait for). */
async function versionsAt(gatewayUrl: string): Promise<Record<string, string | null> | undefined> {
  try {
    const response = await fetch(new URL("/data-versions", gatewayUrl), { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return undefined;
    return ((await response.json()) as { subgraphs: Record<string, string | null> | null }).subgraphs ?? undefined;
  } catch {
    return undefined;
  }
}

/** The data part of a version token (`<code fingerprint>:<data version>`). */
const dataVersionOf = (token: string | null | undefined) => token?.slice(token.lastIndexOf(":") + 1);

/**
 * A command that changed data returns once every running gateway serves the change: its response
 * cache then answers no figure from before it, so whatever asks after the command sees the new
 * figures. A gateway that does not answer is not running, and one whose versions are neither the
 * ones before nor after the change serves other data (another hub on this machine): neither is
 * waited for. One that has not heard within the limit is named on stderr.
 */
export async function untilGatewaysServe(gatewayUrls: string[], before: DataVersionsRead, after: DataVersionsRead): Promise<void> {
  const changed = [...after].filter(([name, version]) => version && before.get(name) !== version);
  if (!changed.length) return;
  await Promise.all(
    gatewayUrls.map(async (gatewayUrl) => {
      const deadline = performance.now() + WAIT_LIMIT_MS;
      while (performance.now() < deadline) {
        const served = await versionsAt(gatewayUrl);
        if (!served) return;
        const states = changed.map(([name, version]) => {
          const serving = dataVersionOf(served[name]);
          return serving === version ? "changed" : serving === before.get(name) ? "not yet" : "other data";
        });
        if (states.includes("other data") || states.every((state) => state === "changed")) return;
        await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
      }
      console.error(
        `the gateway at ${gatewayUrl} has not heard of the change after ${WAIT_LIMIT_MS / 1000} s; it serves the new figures once it does`,
      );
    }),
  );
}
