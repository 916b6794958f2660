import { PrismaClient } from "../../prisma/generated/forces/client.ts";
import type { HubConfig } from "../../shared/config.ts";
import { createSubgraph, type SubgraphDefinition, type SubgraphOptions } from "../shared/subgraph.ts";
import { createContext, type ForcesContext } from "./loaders.ts";
import { auditIntake } from "./audit-intake.ts";
import { AuditResolver } from "./resolvers/audit-resolver.ts";
import { ComparisonGroupResolver } from "./resolvers/comparison-group-resolver.ts";
import { ForceResolver, resolveForceReference } from "./resolvers/force-resolver.ts";
import { RegionResolver } from "./resolvers/region-resolver.ts";
import { FigureTableResolver, resolveFigureTableReference } from "./resolvers/figures-resolver.ts";
import { MeasureResolver, resolveMeasureReference } from "./resolvers/measure-resolver.ts";
import { seedForces } from "./sample-data.ts";
import { seedForcesReference } from "./reference-data.ts";

export const forcesSubgraph: SubgraphDefinition<PrismaClient, ForcesContext> = {
  name: "forces",
  resolvers: [ForceResolver, RegionResolver, ComparisonGroupResolver, AuditResolver, FigureTableResolver, MeasureResolver],
  referenceResolvers: { Force: resolveForceReference, FigureTable: resolveFigureTableReference, Measure: resolveMeasureReference },
  createPrisma: (adapter) => new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }),
  createContext,
  seedReferenceData: seedForcesReference,
  seedSampleData: (sql, batchId) => seedForces(sql, batchId),
  routes: auditIntake,
};

export const buildForcesSubgraph = (config: HubConfig, options?: SubgraphOptions) => createSubgraph(forcesSubgraph, config, options);
