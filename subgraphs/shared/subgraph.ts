import type { BaseContext } from "@apollo/server";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Express } from "express";
import type { GraphQLSchema } from "graphql";
import type { BuildSchemaOptions } from "type-graphql";
import type { Viewer } from "../../shared/auth/viewer.ts";
import type { HubConfig, SubgraphName } from "../../shared/config.ts";
import { openDatabase, type Database, type OpenOptions, type SqlClient } from "./database/open.ts";
import { buildFederatedSchema, type ReferenceResolvers } from "./graphql/federated-schema.ts";
import { createSubgraphHttp, type SubgraphHttp } from "./http/subgraph-server.ts";
import type { SampleCoverage } from "./sample/sample-coverage.ts";
import { seedIfEmpty, type SampleOptions } from "./sample/seed-if-empty.ts";
import { followSampleChoice, sampleRequest } from "./sample/sample-choice.ts";
import { createDataMemo, type RequestMemo } from "./graphql/request-memo.ts";
import { startDataVersionFeed, type DataVersionFeed } from "./data-version/data-version-feed.ts";
import { postgresSchema } from "./database/migrations.ts";

/** The minimum every generated Prisma client offers that the shared code uses. */
export interface PrismaLike {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
  $on(event: "query", listener: (event: { query: string }) => void): void;
}

/** What makes one subgraph: its resolvers, its database client and its sample data. */
export interface SubgraphDefinition<TPrisma extends PrismaLike, TContext extends BaseContext> {
  name: SubgraphName;
  resolvers: BuildSchemaOptions["resolvers"];
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  referenceResolvers?: ReferenceResolvers<TContext>;
  createPrisma(adapter: SqlDriverAdapterFactory): TPrisma;
  /** `memo` keeps figure sets for the data as it stands, shared by every request until a load changes it. */
  createContext(prisma: TPrisma, viewer: Viewer, memo: RequestMemo): TContext;
  /** Reference data (forces, standards, rules, targets) every database holds whatever is loaded: idempotent, run at every start. */
  seedReferenceData(sql: SqlClient): Promise<void>;
  /** Loads the synthetic sample; returns the number of rows written. */
  seedSampleData(sql: SqlClient, batchId: number, options: SampleOptions): Promise<number>;
  /** What the sample covers, per measure (none for the forces subgraph). */
  sampleCoverage?(): SampleCoverage[];
  /** HTTP routes beside /graphql, behind the same signature check (e.g. the audit intake). */
  routes?(app: Express, prisma: TPrisma): void;
}

export interface SubgraphOptions extends OpenOptions, SampleOptions {
  /** Whether a new database gets the synthetic sample (default HUB_SAMPLE's; a database keeps its first choice, and refuses a contrary one). */
  seed?: boolean;
}

export interface Subgraph<TPrisma extends PrismaLike> {
  name: SubgraphName;
  schema: GraphQLSchema;
  sdl: string;
  http: SubgraphHttp;
  database: Database;
  prisma: TPrisma;
  dataVersion: DataVersionFeed;
  close(): Promise<void>;
}

export async function createSubgraph<TPrisma extends PrismaLike, TContext extends BaseContext>(
  definition: SubgraphDefinition<TPrisma, TContext>,
  config: HubConfig,
  options: SubgraphOptions = {},
): Promise<Subgraph<TPrisma>> {
  const database = await openDatabase(definition.name, config, options);
  try {
    await definition.seedReferenceData(database.sql);
    if (await followSampleChoice(definition.name, database.sql, sampleRequest(config, "a start", options.seed))) {
      await seedIfEmpty(
        definition.name,
        database.sql,
        (sql, batchId) => definition.seedSampleData(sql, batchId, options),
        definition.sampleCoverage?.(),
      );
    }
    const prisma = definition.createPrisma(database.adapter);
    const dataVersion = await startDataVersionFeed(database, postgresSchema(definition.name));
    const dataMemo = createDataMemo(dataVersion.current);
    const { schema, sdl } = await buildFederatedSchema(
      { resolvers: definition.resolvers, orphanedTypes: definition.orphanedTypes },
      definition.referenceResolvers,
    );
    const http = await createSubgraphHttp({
      name: definition.name,
      schema,
      gatewaySecret: config.gatewaySecret(),
      createContext: (viewer) => definition.createContext(prisma, viewer, dataMemo()),
      isReady: async () => (await prisma.$queryRawUnsafe<unknown[]>("SELECT 1")).length === 1,
      routes: (app) => {
        dataVersion.route(app);
        definition.routes?.(app, prisma);
      },
    });
    return {
      name: definition.name,
      schema,
      sdl,
      http,
      database,
      prisma,
      dataVersion,
      close: async () => {
        await dataVersion.stop();
        await http.stop();
        await prisma.$disconnect();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
