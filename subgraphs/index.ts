import { crimePrioritiesSubgraph } from "./crime-priorities/server.ts";
import { forcesSubgraph } from "./forces/server.ts";
import { misconductSubgraph } from "./misconduct/server.ts";
import { responseTimesSubgraph } from "./response-times/server.ts";
import type { BaseContext } from "@apollo/server";
import type { HubConfig, SubgraphName } from "../shared/config.ts";
import { openDatabase, type Database, type OpenOptions } from "./shared/database/open.ts";
import { seedIfEmpty } from "./shared/sample/seed-if-empty.ts";
import { followSampleChoice, sampleRequest } from "./shared/sample/sample-choice.ts";
import { createSubgraph, type PrismaLike, type Subgraph, type SubgraphDefinition, type SubgraphOptions } from "./shared/subgraph.ts";
import { workforceSubgraph } from "./workforce/server.ts";

/**
 * A definition with its own client and context types set aside: each subgraph's functions only ever
 * meet its own client and context, which createSubgraph makes from the same definition.
 */
type AnySubgraphDefinition = SubgraphDefinition<PrismaLike, BaseContext>;
const asAny = <P extends PrismaLike, C extends BaseContext>(definition: SubgraphDefinition<P, C>) =>
  definition as unknown as AnySubgraphDefinition;

/** Every subgraph's definition, by name: what the composer, the launcher and the tests iterate over. */
export const SUBGRAPHS: Record<SubgraphName, AnySubgraphDefinition> = {
  forces: asAny(forcesSubgraph),
  "response-times": asAny(responseTimesSubgraph),
  "crime-priorities": asAny(crimePrioritiesSubgraph),
  workforce: asAny(workforceSubgraph),
  misconduct: asAny(misconductSubgraph),
};

export const buildSubgraph = (name: SubgraphName, config: HubConfig, options?: SubgraphOptions): Promise<Subgraph<PrismaLike>> =>
  createSubgraph(SUBGRAPHS[name], config, options);

/** Opens a subgraph's database migrated and holding its reference data: where the import command and tests start. */
export async function openSubgraphDatabase(name: SubgraphName, config: HubConfig, options?: OpenOptions): Promise<Database> {
  const database = await openDatabase(name, config, options);
  try {
    await SUBGRAPHS[name].seedReferenceData(database.sql);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The synthetic sample into a subgraph's database when the database's recorded choice is the sample and nothing was ever loaded there. */
export async function seedSampleIfNew(name: SubgraphName, config: HubConfig, database: Database, command: string): Promise<boolean> {
  if (!(await followSampleChoice(name, database.sql, sampleRequest(config, command)))) return false;
  return seedIfEmpty(
    name,
    database.sql,
    (sql, batchId) => SUBGRAPHS[name].seedSampleData(sql, batchId, { scale: config.sampleScale }),
    SUBGRAPHS[name].sampleCoverage?.(),
  );
}
