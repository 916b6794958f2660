/**
 * All five subgraphs in one process, each on its own port as if alone: what `npm start` runs, so
 * the node binary, Apollo Server, type-graphql and Prisma's runtime are loaded once, not five times.
 * Each subgraph still runs alone from its own index.ts, for scale-out.
 */
import { buildSubgraph } from "./index.ts";
import { SUBGRAPH_NAMES } from "../shared/config.ts";
import { runSubgraphs } from "./shared/run.ts";

await runSubgraphs(
  SUBGRAPH_NAMES.map((name) => [name, (config, options) => buildSubgraph(name, config, options)]),
  "subgraphs",
);
