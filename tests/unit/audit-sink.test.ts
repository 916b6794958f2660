import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AuditRecord } from "../../gateway/plugins/audit/index.ts";
import { createAuditSink } from "../../gateway/plugins/audit/sink.ts";

const entry = (n: number): AuditRecord => ({
  at: new Date(0).toISOString(),
  subject: `s${n}`,
  role: "PUBLIC",
  operationName: null,
  documentSha256: "x",
  variables: {},
  outcome: "OK",
  errorCodes: [],
});

/** The forces subgraph's audit intake as far as the sink sees it: answers 503 while `failing`, else stores each batch. */
async function intake() {
  const batches: string[][] = [];
  const state = { failing: false };
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (state.failing) return void response.writeHead(503).end();
      batches.push((JSON.parse(body) as AuditRecord[]).map((record) => record.subject));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit`,
    batches,
    state,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("the audit sink", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends a backlog in batches of bounded size, in order, once the intake answers again", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const server = await intake();
    const sink = createAuditSink(server.url, "secret", { batchSize: 3, maxPending: 100 });
    server.state.failing = true;
    for (let n = 0; n < 7; n++) sink.record(entry(n));
    await sink.flush();
    expect(server.batches).toEqual([]);
    expect(log.mock.calls.at(-1)?.[0]).toMatch(/^audit: 7 records not yet stored \(HTTP 503\); retrying in 0.5 s$/);
    server.state.failing = false;
    await sink.stop();
    expect(server.batches).toEqual([["s0", "s1", "s2"], ["s3", "s4", "s5"], ["s6"]]);
    await server.close();
  });

  it("keeps at most its bound while the log cannot be written, dropping the oldest and saying how many", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const server = await intake();
    const sink = createAuditSink(server.url, "secret", { batchSize: 100, maxPending: 4 });
    server.state.failing = true;
    for (let n = 0; n < 6; n++) sink.record(entry(n));
    await sink.flush();
    server.state.failing = false;
    await sink.stop();
    expect(server.batches).toEqual([["s2", "s3", "s4", "s5"]]);
    expect(log.mock.calls.map(([line]) => line)).toContain("audit: 2 oldest records dropped: more than 4 waited to be stored");
    await server.close();
  });
});
