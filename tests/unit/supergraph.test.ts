import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../../scripts/support/compose-supergraph.ts";

describe("the committed schema/", () => {
  it("matches what the code composes now (run `npm run compose` when this fails)", async () => {
    const { subgraphSdl, supergraphSdl } = await composeSupergraph();
    expect(readFileSync("schema/supergraph.graphql", "utf8")).toBe(supergraphSdl);
    for (const [name, sdl] of Object.entries(subgraphSdl)) {
      expect(readFileSync(`schema/${name}.graphql`, "utf8"), `schema/${name}.graphql`).toBe(sdl);
    }
  });

  it("has every subgraph extend the Force entity by id", async () => {
    const supergraph = readFileSync("schema/supergraph.graphql", "utf8");
    const forceType = supergraph.slice(supergraph.indexOf("type Force"), supergraph.indexOf("{", supergraph.indexOf("type Force")));
    for (const graph of ["FORCES", "RESPONSE_TIMES", "CRIME_PRIORITIES", "WORKFORCE", "MISCONDUCT"]) {
      expect(forceType).toContain(`@join__type(graph: ${graph}, key: "id")`);
    }
  });
});
