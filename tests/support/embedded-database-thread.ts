import { Worker } from "node:worker_threads";

/**
 * The embedded database served from a thread of its own, as npm start serves it from a process of
 * its own: PGlite runs its queries synchronously, and in the test's thread a heavy one held up the
 * gateway and the subgraphs beside it (their timers and sockets) for its whole length.
 */
export async function startEmbeddedDatabaseThread(
  dataDir: string,
  options: { idleInTransactionTimeoutMs: number },
): Promise<{ url: string; stop(): Promise<void> }> {
  const worker = new Worker(new URL("./embedded-database-worker.mjs", import.meta.url), { workerData: { dataDir, options } });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("message", (message: { url: string }) => resolve(message.url));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the embedded database thread exited with code ${code}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("stop");
      await exited;
    },
  };
}
