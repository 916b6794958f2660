import { PrismaClient } from "../../prisma/generated/crime-priorities/client.ts";
import type { HubConfig } from "../../shared/config.ts";
import { sampleForceMonths } from "../shared/sample/sample-coverage.ts";
import { createSubgraph, type SubgraphDefinition, type SubgraphOptions } from "../shared/subgraph.ts";
import { createContext, type CrimePrioritiesContext } from "./loaders.ts";
import {
  CrimePrioritySummaryResolver,
  ForceCrimePrioritiesResolver,
  ForceStopSearchResolver,
  PriorityCrimeResolver,
} from "./resolvers/crime-priorities-resolver.ts";
import { CrimePriorityMeasuresResolver, ForceCrimeMeasuresResolver } from "./resolvers/crime-priority-measures-resolver.ts";
import { seedCrimePriorities } from "./sample-data.ts";
import { seedCrimePrioritiesReference } from "./reference-data.ts";
import { Force } from "./schema/force.ts";
import { FigureTable, Measure } from "./schema/figures.ts";
import { CrimePriorityFiguresResolver, CrimePriorityDefinitionResolver } from "./resolvers/figures-resolver.ts";

export const crimePrioritiesSubgraph: SubgraphDefinition<PrismaClient, CrimePrioritiesContext> = {
  name: "crime-priorities",
  resolvers: [
    ForceCrimePrioritiesResolver,
    CrimePrioritySummaryResolver,
    PriorityCrimeResolver,
    ForceCrimeMeasuresResolver,
    CrimePriorityMeasuresResolver,
    ForceStopSearchResolver,
    CrimePriorityFiguresResolver,
    CrimePriorityDefinitionResolver,
  ],
  orphanedTypes: [Force, FigureTable, Measure],
  createPrisma: (adapter) => new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }),
  createContext,
  seedReferenceData: seedCrimePrioritiesReference,
  seedSampleData: (sql, batchId) => seedCrimePriorities(sql, batchId),
  sampleCoverage: () => [sampleForceMonths(["RECORDED_OFFENCES", "VAWG", "KNIFE_CRIME", "CSA", "POSSESSION_OF_WEAPONS", "VAWG_OUTCOMES"])],
};

export const buildCrimePrioritiesSubgraph = (config: HubConfig, options?: SubgraphOptions) =>
  createSubgraph(crimePrioritiesSubgraph, config, options);
