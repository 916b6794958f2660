import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MANIFEST_PATH, manifestOf, operationId, registeredDocuments } from "../../gateway/trusted-documents/manifest.ts";

describe("the committed persisted query manifest", () => {
  it("registers the explorer's example operations as they are now (run `npm run persisted-operations` when this fails)", async () => {
    const manifest = manifestOf(await registeredDocuments());
    expect(JSON.parse(readFileSync(MANIFEST_PATH, "utf8"))).toEqual(manifest);
    expect(manifest.operations.map((operation) => operation.name)).toContain("ForceAgainstRegion");
    // Each id is the SHA-256 of the body, as Apollo Client's persisted query link computes it.
    for (const operation of manifest.operations) expect(operation.id).toBe(operationId(operation.body));
  });
});
