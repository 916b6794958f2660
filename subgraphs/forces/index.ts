import { runSubgraph } from "../shared/run.ts";
import { buildForcesSubgraph } from "./server.ts";

await runSubgraph("forces", buildForcesSubgraph);
