import { PrismaClient } from "../../prisma/generated/response-times/client.ts";
import type { HubConfig } from "../../shared/config.ts";
import { sampleForceMonths } from "../shared/sample/sample-coverage.ts";
import { createSubgraph, type SubgraphDefinition, type SubgraphOptions } from "../shared/subgraph.ts";
import { Force } from "./schema/force.ts";
import { FigureTable, Measure } from "./schema/figures.ts";
import { createContext, type ResponseTimesContext } from "./loaders.ts";
import { ForceResponseTimesResolver } from "./resolvers/force-response-times-resolver.ts";
import { LeagueTableEntryResolver } from "./resolvers/league-table-entry-resolver.ts";
import { ResponseTimeSummaryResolver } from "./resolvers/response-time-summary-resolver.ts";
import { ResponseTimesQueryResolver } from "./resolvers/response-times-query-resolver.ts";
import { seedResponseTimes } from "./sample-data.ts";
import { seedResponseTimesReference } from "./reference-data.ts";
import { ResponseTimeFiguresResolver, ResponseTimeDefinitionResolver } from "./resolvers/figures-resolver.ts";

export const responseTimesSubgraph: SubgraphDefinition<PrismaClient, ResponseTimesContext> = {
  name: "response-times",
  resolvers: [
    ForceResponseTimesResolver,
    ResponseTimeSummaryResolver,
    ResponseTimesQueryResolver,
    LeagueTableEntryResolver,
    ResponseTimeFiguresResolver,
    ResponseTimeDefinitionResolver,
  ],
  orphanedTypes: [Force, FigureTable, Measure],
  createPrisma: (adapter) => new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }),
  createContext,
  seedReferenceData: seedResponseTimesReference,
  seedSampleData: seedResponseTimes,
  sampleCoverage: () => [sampleForceMonths(["ATTENDANCE", "CALLS_999"])],
};

export const buildResponseTimesSubgraph = (config: HubConfig, options?: SubgraphOptions) =>
  createSubgraph(responseTimesSubgraph, config, options);
