import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { SUBGRAPHS } from "../../subgraphs/index.ts";
import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config.ts";
import { buildFederatedSchema } from "../../subgraphs/shared/graphql/federated-schema.ts";

export interface Composition {
  subgraphSdl: Record<SubgraphName, string>;
  supergraphSdl: string;
}

/** Builds each subgraph's SDL from its code (no database needed) and composes the supergraph with the default local URLs. */
export async function composeSupergraph(): Promise<Composition> {
  const config = readConfig({});
  const subgraphSdl = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const { resolvers, orphanedTypes } = SUBGRAPHS[name];
    subgraphSdl[name] = (await buildFederatedSchema({ resolvers, orphanedTypes })).sdl;
  }
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, url: config.subgraphUrl(name), typeDefs: parse(subgraphSdl[name]) })),
  );
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  return { subgraphSdl, supergraphSdl: result.supergraphSdl! };
}
