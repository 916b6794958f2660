import { readFileSync } from "node:fs";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { describe, expect, it } from "vitest";

describe("the committed supergraph in another gateway", () => {
  it("is accepted by Hive Gateway, which stitches it at the first request", async () => {
    const runtime = createGatewayRuntime({ supergraph: readFileSync("schema/supergraph.graphql", "utf8"), logging: false });
    try {
      const response = await runtime.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ __type(name: "CrimePriorityMeasures") { fields { name } } }' }),
      });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data.__type.fields.map((field: { name: string }) => field.name)).toEqual(["from", "to", "comparisons", "alerts"]);
    } finally {
      await runtime[Symbol.asyncDispose]();
    }
  });
});
