/** Rebuilds schema/<subgraph>.graphql and schema/supergraph.graphql from the code: npm run compose. */
import { mkdirSync, writeFileSync } from "node:fs";
import { composeSupergraph } from "./support/compose-supergraph.ts";

const { subgraphSdl, supergraphSdl } = await composeSupergraph();
mkdirSync("schema", { recursive: true });
for (const [name, sdl] of Object.entries(subgraphSdl)) writeFileSync(`schema/${name}.graphql`, sdl);
writeFileSync("schema/supergraph.graphql", supergraphSdl);
console.log(`Composed ${Object.keys(subgraphSdl).length} subgraphs into schema/supergraph.graphql`);
