import { readFileSync } from "node:fs";
import { Supergraph } from "@apollo/federation-internals";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { EXAMPLE_OPERATIONS } from "../../gateway/explorer/src/example-operations.ts";

describe("the explorer's example operations", () => {
  it("are all valid against the public schema of the committed supergraph", () => {
    const schema = Supergraph.build(readFileSync("schema/supergraph.graphql", "utf8")).apiSchema().toGraphQLJSSchema();
    const document = parse(EXAMPLE_OPERATIONS);
    expect(document.definitions.length).toBeGreaterThan(5);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
