import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken, startHub, type RunningHub } from "../support/hub.ts";

/** The 13 checks of graphql-cop, reimplemented against a gateway configured for production. */
describe("hostile queries against the production gateway (graphql-cop's checks)", () => {
  let hub: RunningHub;
  let endpoint: string;
  const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(endpoint, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  const refusedWith = async (response: Response, ...codes: string[]) => {
    const text = await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(/stacktrace|\s+at\s.+\.(ts|js):\d+/);
    expect(codes).toContain(JSON.parse(text).errors?.[0]?.extensions?.code);
    return text;
  };

  beforeAll(async () => {
    hub = await startHub(undefined, { environment: "production" });
    endpoint = `${hub.gatewayUrl}/graphql`;
  });
  afterAll(() => hub?.stop());

  it("refuses alias overloading", async () => {
    const query = `{ ${Array.from({ length: 101 }, (_, n) => `a${n}: __typename`).join(" ")} }`;
    await refusedWith(await post({ query }), "GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses array batching", async () => {
    const response = await post([{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(response.status).toBe(400);
  });

  it("refuses circular introspection", async () => {
    const query = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }";
    const response = await post({ query }, { "content-type": "application/json", authorization: `Bearer ${await mintToken({ role: "HMICFRS" })}` });
    await refusedWith(response, "GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses directive overloading", async () => {
    await refusedWith(await post({ query: `{ __typename ${"@include(if: true) ".repeat(50)} }` }), "GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses field duplication", async () => {
    // Refused by the token limit before it is parsed whole, or by the cost limit.
    await refusedWith(await post({ query: `{ forces { ${"id ".repeat(2_500)} } }` }), "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED");
  });

  it("gives no field suggestions", async () => {
    const text = await refusedWith(await post({ query: "{ forcez { id } }" }), "GRAPHQL_VALIDATION_FAILED");
    expect(text).not.toMatch(/did you mean/i);
  });

  it("refuses a mutation over GET", async () => {
    const response = await fetch(`${endpoint}?query=${encodeURIComponent("mutation { __typename }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("refuses a GET query that could be a cross-site request", async () => {
    const response = await fetch(`${endpoint}?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it("serves no IDE at the GraphQL endpoint (the explorer lives at its own path)", async () => {
    const response = await fetch(endpoint, { headers: { accept: "text/html" } });
    expect(response.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/<html|graphiql|sandbox/i);
  });

  it("refuses introspection to the public in production", async () => {
    await refusedWith(await post({ query: "{ __schema { queryType { name } } }" }), "FORBIDDEN");
  });

  it("refuses a url-encoded POST (form CSRF)", async () => {
    const response = await post("query=%7B__typename%7D", { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(400);
  });

  it("exposes no tracing", async () => {
    const response = await post({ query: "{ forces { id } }" }, { "content-type": "application/json", "apollo-federation-include-trace": "ftv1" });
    const body = (await response.json()) as { extensions?: Record<string, unknown> };
    expect(body.extensions ?? {}).not.toHaveProperty("tracing");
    expect(body.extensions ?? {}).not.toHaveProperty("ftv1");
  });

  it("answers unhandled input with a coded error and no stack trace", async () => {
    await refusedWith(await post({ query: 12 }), "BAD_REQUEST");
    await refusedWith(await post({ query: "{ forces { id " }), "GRAPHQL_PARSE_FAILED");
  });

  it("still answers the real questions inside the limits", async () => {
    const { body } = await hub.graphql(`{ forces { id name region { name } responseTimes(from: "2025-04-01", to: "2026-03-31") { emergency { attendanceP90Minutes } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.forces).toHaveLength(43);
  });
});
