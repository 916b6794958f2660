import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { gql } from "graphql-tag";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { authChecker } from "../auth/auth-checker.ts";

/** The resolver map Apollo's helper takes, as its signature gives it (the type itself is not exported). */
type ResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>["resolvers"]>;

const FEDERATION_IMPORTS = ["@key", "@external", "@requires", "@shareable", "@inaccessible"];

/** How an entity is found from a reference another subgraph sent. */
export type ReferenceResolvers<TContext> = Record<string, (reference: Record<string, unknown>, context: TContext) => unknown>;

/**
 * type-graphql builds the schema from decorated classes; Apollo's helper then adds the
 * federation fields (_service, _entities) and each entity's __resolveReference.
 */
export async function buildFederatedSchema<TContext>(
  options: Omit<BuildSchemaOptions, "skipCheck" | "authChecker">,
  referenceResolvers: ReferenceResolvers<TContext> = {},
): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphqlSchema = await buildSchema({ ...options, authChecker, skipCheck: true });
  const sdl =
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ${JSON.stringify(FEDERATION_IMPORTS)})\n\n` +
    printSchemaWithDirectives(typeGraphqlSchema);
  const resolvers = createResolversMap(typeGraphqlSchema) as ResolverMap;
  for (const [typeName, resolveReference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference };
  }
  return { schema: buildSubgraphSchema({ typeDefs: gql(sdl), resolvers }), sdl };
}
