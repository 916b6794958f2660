import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { KEEP_ALIVE_MS } from "../../shared/http/listen.ts";
import { postToSubgraph, subgraphAgent } from "../../gateway/subgraph-fetch.ts";

/**
 * A subgraph-like server on a thread of its own, so that it keeps time while the test holds up its
 * own event loop. Each answer names the connection it came on; `closed[0]` counts the connections
 * the server closed as they fell idle, readable while this thread is blocked.
 */
const SERVER = `
const { createServer } = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const closed = new Int32Array(workerData.closed);
let connections = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => response.end(JSON.stringify({ data: { connection: request.socket.connection } })));
});
server.keepAliveTimeout = workerData.keepAliveMs;
server.on("connection", (socket) => {
  socket.connection = ++connections;
  socket.on("close", () => { Atomics.add(closed, 0, 1); Atomics.notify(closed, 0); });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

async function startServer(keepAliveMs: number) {
  const closed = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SERVER, { eval: true, workerData: { closed: closed.buffer, keepAliveMs } });
  const port = await new Promise<number>((resolve) => worker.once("message", resolve));
  return { url: `http://127.0.0.1:${port}/graphql`, closed, stop: () => worker.terminate() };
}

const post = (url: string, read: boolean) =>
  postToSubgraph(url, { headers: { "content-type": "application/json" }, body: '{"query":"{ forces { id } }"}', read });

/** Holds this thread's event loop, as a starved gateway's is held, until the server has closed its idle connection. */
function stallUntilClosed(closed: Int32Array): void {
  expect(Atomics.wait(closed, 0, 0, 30_000)).not.toBe("timed-out");
}

describe("calls to a subgraph", () => {
  let stop: () => Promise<number> = async () => 0;
  afterEach(async () => {
    subgraphAgent.destroy();
    await stop();
  });

  it("send a read again when the connection it went out on was closed by the subgraph while idle", async () => {
    const server = await startServer(2_000);
    stop = server.stop;
    expect(JSON.parse((await post(server.url, true)).body)).toEqual({ data: { connection: 1 } });
    stallUntilClosed(server.closed);
    const again = await post(server.url, true);
    expect({ status: again.status, body: JSON.parse(again.body) }).toEqual({ status: 200, body: { data: { connection: 2 } } });
  });

  it("never send anything but a read twice: the error stands", async () => {
    const server = await startServer(2_000);
    stop = server.stop;
    await post(server.url, false);
    stallUntilClosed(server.closed);
    await expect(post(server.url, false)).rejects.toMatchObject({ code: "ECONNRESET" });
  });

  it("close an idle connection a second before the subgraph would, as its Keep-Alive header says", async () => {
    const server = await startServer(KEEP_ALIVE_MS);
    stop = server.stop;
    await post(server.url, true);
    const [idle] = Object.values(subgraphAgent.freeSockets).flat();
    expect(idle?.timeout).toBe(KEEP_ALIVE_MS - 1_000);
  });
});
