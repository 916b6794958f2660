import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { untilGatewaysServe } from "../../scripts/hub/gateways-serving.ts";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A gateway whose /data-versions answers what `serving()` says at each request. */
async function gatewayServing(serving: () => Record<string, string | null> | null): Promise<string> {
  server = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ subgraphs: serving() })),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const before = new Map([["crime-priorities", "7@100"]] as const);
const after = new Map([["crime-priorities", "8@200"]] as const);

describe("a hub command after a change", () => {
  it("returns once the gateway serves the new data version, not before", async () => {
    const heardAt = performance.now() + 300;
    const url = await gatewayServing(() => ({ "crime-priorities": performance.now() < heardAt ? "abc:7@100" : "abc:8@200" }));
    await untilGatewaysServe([url], before, after);
    expect(performance.now()).toBeGreaterThanOrEqual(heardAt);
  });

  it("does not wait for a gateway over other data, one without a cache, or none at all", async () => {
    const started = performance.now();
    await untilGatewaysServe([await gatewayServing(() => ({ "crime-priorities": "abc:3@50" }))], before, after);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    await untilGatewaysServe([await gatewayServing(() => null)], before, after);
    await untilGatewaysServe(["http://127.0.0.1:9"], before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
