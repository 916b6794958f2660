import { PrismaClient } from "../../prisma/generated/workforce/client.ts";
import type { HubConfig } from "../../shared/config.ts";
import { sampleForceSnapshots } from "../shared/sample/sample-coverage.ts";
import { createSubgraph, type SubgraphDefinition, type SubgraphOptions } from "../shared/subgraph.ts";
import { createContext, type WorkforceContext } from "./loaders.ts";
import { ForceOfficerStrengthsResolver, ForceWorkforceResolver, WorkforceSnapshotResolver } from "./resolvers/workforce-resolver.ts";
import { ForceNeighbourhoodGuaranteeResolver, NeighbourhoodGuaranteeQueryResolver } from "./resolvers/neighbourhood-guarantee-resolver.ts";
import { ForceWorkforceComparisonsResolver } from "./resolvers/force-comparisons-resolver.ts";
import { seedWorkforce } from "./sample-data.ts";
import { seedWorkforceReference } from "./reference-data.ts";
import { Force } from "./schema/force.ts";
import { FigureTable, Measure } from "./schema/figures.ts";
import { WorkforceFiguresResolver, WorkforceDefinitionResolver } from "./resolvers/figures-resolver.ts";

export const workforceSubgraph: SubgraphDefinition<PrismaClient, WorkforceContext> = {
  name: "workforce",
  resolvers: [
    ForceWorkforceResolver,
    ForceOfficerStrengthsResolver,
    WorkforceSnapshotResolver,
    NeighbourhoodGuaranteeQueryResolver,
    ForceNeighbourhoodGuaranteeResolver,
    ForceWorkforceComparisonsResolver,
    WorkforceFiguresResolver,
    WorkforceDefinitionResolver,
  ],
  orphanedTypes: [Force, FigureTable, Measure],
  createPrisma: (adapter) => new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }),
  createContext,
  seedReferenceData: seedWorkforceReference,
  seedSampleData: (sql, batchId) => seedWorkforce(sql, batchId),
  sampleCoverage: () => [sampleForceSnapshots(["WORKFORCE_FTE", "NEIGHBOURHOOD_FTE", "FRONTLINE_FTE"])],
};

export const buildWorkforceSubgraph = (config: HubConfig, options?: SubgraphOptions) => createSubgraph(workforceSubgraph, config, options);
