import { SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from "../../shared/config.ts";
import type { Database } from "../../subgraphs/shared/database/open.ts";
import { openSubgraphDatabase } from "../../subgraphs/index.ts";
import { readDataVersions, untilGatewaysServe } from "./gateways-serving.ts";

/**
 * Opens the named subgraphs' databases (all by default), runs the work and closes them, also when
 * it fails. With the embedded database the first one opened serves it unless a running hub does:
 * they are closed in reverse order, that one last. When the work changed data, returns once the
 * running gateways serve the change.
 */
export async function withDatabases<T>(
  config: HubConfig,
  work: (databases: Map<SubgraphName, Database>) => Promise<T>,
  names: readonly SubgraphName[] = SUBGRAPH_NAMES,
): Promise<T> {
  const databases = new Map<SubgraphName, Database>();
  try {
    for (const name of names) databases.set(name, await openSubgraphDatabase(name, config, { transient: true }));
    const before = await readDataVersions(databases);
    const result = await work(databases);
    await untilGatewaysServe(config.gatewayUrls, before, await readDataVersions(databases));
    return result;
  } finally {
    for (const database of [...databases.values()].reverse()) await database.close();
  }
}
