import { crimePrioritiesSubgraph } from "./crime-priorities/server.ts";
import { forcesSubgraph } from "./forces/server.ts";
import { misconductSubgraph } from "./misconduct/server.ts";
import { responseTimesSubgraph } from "./response-times/server.ts";
import type { HubConfig, SubgraphName } from "./shared/config.ts";
import { createSubgraph, type PrismaLike, type Subgraph, type SubgraphDefinition, type SubgraphOptions } from "./shared/subgraph.ts";
import { workforceSubgraph } from "./workforce/server.ts";

/** Every subgraph's definition, by name: what the composer, the launcher and the tests iterate over. */
export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition<PrismaLike, never>> = {
  forces: forcesSubgraph as never,
  "response-times": responseTimesSubgraph as never,
  "crime-priorities": crimePrioritiesSubgraph as never,
  workforce: workforceSubgraph as never,
  misconduct: misconductSubgraph as never,
};

export const buildSubgraph = (name: SubgraphName, config: HubConfig, options?: SubgraphOptions): Promise<Subgraph<PrismaLike>> =>
  createSubgraph(SUBGRAPHS[name], config, options);
