import { runSubgraph } from "../shared/run.ts";
import { buildWorkforceSubgraph } from "./server.ts";

await runSubgraph("workforce", buildWorkforceSubgraph);
