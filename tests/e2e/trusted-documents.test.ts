import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../gateway/trusted-documents/manifest.ts";
import { mintToken, startHub, type RunningHub } from "../support/hub.ts";

const manifest = [...readManifest().values()];
const registered = manifest.find((operation) => operation.name === "ForceAgainstRegion")!;
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

describe("trusted documents: TRUSTED_DOCUMENTS=required on the production gateway", () => {
  let hub: RunningHub;
  let endpoint: string;
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
  };

  beforeAll(async () => {
    // Reference data is enough: the operations ask for forces and regions (their figures are null without the sample).
    hub = await startHub(undefined, { environment: "production", trustedDocuments: "required", sample: false });
    endpoint = `${hub.gatewayUrl}/graphql`;
  });
  afterAll(() => hub?.stop());

  it("serves a registered operation to the public by its id alone, by POST and by GET", async () => {
    const byPost = await post({ extensions: persisted(registered.id), variables: { force: "kent" } });
    expect(byPost.status).toBe(200);
    expect(byPost.body.data.force.name).toBe("Kent Police");
    const query = new URLSearchParams({
      extensions: JSON.stringify(persisted(registered.id)),
      variables: JSON.stringify({ force: "kent" }),
    });
    const byGet = await fetch(`${endpoint}?${query}`, { headers: { "apollo-require-preflight": "true" } });
    expect(byGet.status).toBe(200);
    expect((await byGet.json()).data.force.name).toBe("Kent Police");
  });

  it("serves a registered operation's exact text to the public", async () => {
    const { status, body } = await post({ query: registered.body, variables: { force: "kent" } });
    expect(status).toBe(200);
    expect(body.data.force.region.forces.length).toBeGreaterThan(1);
  });

  it("refuses an ad-hoc document from the public, and does not store it as a persisted query", async () => {
    const adHoc = "{ forces { id } }";
    const refused = await post({ query: adHoc });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_REQUIRED");
    const { createHash } = await import("node:crypto");
    const id = createHash("sha256").update(adHoc).digest("hex");
    expect((await post({ query: adHoc, extensions: persisted(id) })).status).toBe(403);
    expect((await post({ extensions: persisted(id) })).body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("keeps ad-hoc queries and automatic persisted queries for signed-in analysts", async () => {
    const token = await mintToken({ role: "HMICFRS" });
    const adHoc = '{ force(id: "surrey") { name } }';
    const { createHash } = await import("node:crypto");
    const id = createHash("sha256").update(adHoc).digest("hex");
    expect((await post({ extensions: persisted(id) }, token)).body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post({ query: adHoc, extensions: persisted(id) }, token)).body.data.force.name).toBe("Surrey Police");
    expect((await post({ extensions: persisted(id) }, token)).body.data.force.name).toBe("Surrey Police");
    // Registered by an analyst, it is still not a trusted document for the public.
    expect((await post({ extensions: persisted(id) })).status).toBe(403);
  });
});
