import { runSubgraph } from "../shared/run.ts";
import { buildResponseTimesSubgraph } from "./server.ts";

await runSubgraph("response-times", buildResponseTimesSubgraph);
