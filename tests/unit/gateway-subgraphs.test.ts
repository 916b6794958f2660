import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { subgraphsOf } from "../../gateway/server.ts";
import { readConfig } from "../../shared/config.ts";

describe("where the gateway finds each subgraph", () => {
  it("reads the committed supergraph's subgraphs and places each by the same settings as the launcher: a port, a URL, or a test's own address", () => {
    const config = readConfig({
      HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-gateway-")),
      FORCES_PORT: "5101",
      MISCONDUCT_URL: "http://elsewhere:9/graphql",
    });
    const subgraphs = subgraphsOf(readFileSync("schema/supergraph.graphql", "utf8"), config, {
      workforce: "http://127.0.0.1:6004/graphql",
    });
    expect(Object.fromEntries(subgraphs.map(({ name, url }) => [name, url]))).toEqual({
      "crime-priorities": "http://127.0.0.1:4003/graphql",
      forces: "http://127.0.0.1:5101/graphql",
      misconduct: "http://elsewhere:9/graphql",
      "response-times": "http://127.0.0.1:4002/graphql",
      workforce: "http://127.0.0.1:6004/graphql",
    });
  });
});
