import { parentPort, workerData } from "node:worker_threads";
import { startEmbeddedDatabase } from "../../subgraphs/shared/database/embedded-server/index.ts";

/** The thread of embedded-database-thread.ts: serves the data folder until told to stop. */
const { dataDir, options } = workerData as { dataDir: string; options: { idleInTransactionTimeoutMs: number } };
const database = await startEmbeddedDatabase(dataDir, options);
parentPort!.postMessage({ url: database.url });
parentPort!.once("message", () => {
  void database.stop().then(() => parentPort!.close());
});
