import { PrismaClient } from "../../prisma/generated/misconduct/client.ts";
import type { HubConfig } from "../../shared/config.ts";
import { sampleForceMonths, sampleForceQuarters } from "../shared/sample/sample-coverage.ts";
import { createSubgraph, type SubgraphDefinition, type SubgraphOptions } from "../shared/subgraph.ts";
import { createContext, type MisconductContext } from "./loaders.ts";
import { ForceMisconductResolver, MisconductSummaryResolver } from "./resolvers/misconduct-resolver.ts";
import { ForceMisconductMeasuresResolver, MisconductMeasuresResolver } from "./resolvers/misconduct-measures-resolver.ts";
import { seedMisconduct } from "./sample-data.ts";
import { seedMisconductReference } from "./reference-data.ts";
import { Force } from "./schema/force.ts";
import { FigureTable, Measure } from "./schema/figures.ts";
import { MisconductFiguresResolver, MisconductDefinitionResolver } from "./resolvers/figures-resolver.ts";

export const misconductSubgraph: SubgraphDefinition<PrismaClient, MisconductContext> = {
  name: "misconduct",
  resolvers: [
    ForceMisconductResolver,
    MisconductSummaryResolver,
    ForceMisconductMeasuresResolver,
    MisconductMeasuresResolver,
    MisconductFiguresResolver,
    MisconductDefinitionResolver,
  ],
  orphanedTypes: [Force, FigureTable, Measure],
  createPrisma: (adapter) => new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }),
  createContext,
  seedReferenceData: seedMisconductReference,
  seedSampleData: (sql, batchId) => seedMisconduct(sql, batchId),
  sampleCoverage: () => [sampleForceMonths(["MISCONDUCT_CASES"]), sampleForceQuarters(["VETTING"])],
};

export const buildMisconductSubgraph = (config: HubConfig, options?: SubgraphOptions) =>
  createSubgraph(misconductSubgraph, config, options);
