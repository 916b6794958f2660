import { runSubgraph } from "../shared/run.ts";
import { buildCrimePrioritiesSubgraph } from "./server.ts";

await runSubgraph("crime-priorities", buildCrimePrioritiesSubgraph);
