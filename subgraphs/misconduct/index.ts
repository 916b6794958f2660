import { runSubgraph } from "../shared/run.ts";
import { buildMisconductSubgraph } from "./server.ts";

await runSubgraph("misconduct", buildMisconductSubgraph);
