import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken, startHub, subgraphHeaders, type RunningHub } from "../support/hub.ts";

/**
 * graphql-cop's 13 checks, each sending exactly what graphql-cop sends (lib/tests/*.py, lib/utils.py:
 * a JSON POST of `{"query": …, "operationName": "cop"}`, or a GET or form POST of `query=…`), against a
 * gateway configured for production, and asserting both that graphql-cop's own test would not flag it
 * and that the gateway refuses it with a coded 4xx.
 */
describe("hostile queries against the production gateway (graphql-cop's checks, its exact requests)", () => {
  let hub: RunningHub;
  let endpoint: string;
  const cop = (query: string, headers: Record<string, string> = {}) =>
    fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, operationName: "cop" }),
    });
  const refusedWith = async (response: Response, ...codes: string[]) => {
    const text = await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(/stacktrace|\s+at\s.+\.(ts|js):\d+/);
    expect(codes).toContain(JSON.parse(text).errors?.[0]?.extensions?.code);
    return JSON.parse(text);
  };

  beforeAll(async () => {
    hub = await startHub(undefined, { environment: "production" });
    endpoint = `${hub.gatewayUrl}/graphql`;
  });
  afterAll(() => hub?.stop());

  it("serves GraphQL at /graphql exactly: /graphql/graphql and unknown paths are a coded 404, on the gateway and on a subgraph", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const post = (url: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(await (await post(endpoint)).json()).toEqual({ data: { __typename: "Query" } });
    for (const response of [await post(`${endpoint}/graphql`), await fetch(`${hub.gatewayUrl}/no-such-page`)]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [{ message: "Not found: GraphQL is served at /graphql", extensions: { code: "NOT_FOUND" } }],
      });
    }
    // Signed as the gateway signs, so the subgraph's own routing answers, not its signature check.
    const signed = (url: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...subgraphHeaders()(body) }, body });
    expect(await (await signed(hub.subgraphUrls.forces)).json()).toEqual({ data: { __typename: "Query" } });
    const subgraph = await signed(`${hub.subgraphUrls.forces}/graphql`);
    expect([subgraph.status, await subgraph.json()]).toEqual([
      404,
      { errors: [{ message: "Not found: GraphQL is served at /graphql", extensions: { code: "NOT_FOUND" } }] },
    ]);
  });

  it("alias overloading: refuses 101 aliases of __typename", async () => {
    const aliases = Array.from({ length: 101 }, (_, n) => `alias${n}:__typename \n`).join("");
    const body = await refusedWith(await cop(`query cop { ${aliases} }`), "GRAPHQL_VALIDATION_FAILED");
    expect(body.data?.alias100).toBeUndefined();
  });

  it("array-based batching: refuses ten queries in one request", async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Array.from({ length: 10 }, () => ({ query: "query cop { __typename }" }))),
    });
    expect(response.status).toBe(400);
    expect(Array.isArray(await response.json())).toBe(false);
  });

  it("introspection-based circular query: refused to the public, and too deep for a signed-in analyst", async () => {
    const query =
      "query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }";
    await refusedWith(await cop(query), "FORBIDDEN", "GRAPHQL_VALIDATION_FAILED");
    await refusedWith(await cop(query, { authorization: `Bearer ${await mintToken({ role: "HMICFRS" })}` }), "GRAPHQL_VALIDATION_FAILED");
  });

  it("directive overloading: ten unknown directives are not answered with ten errors", async () => {
    const body = await refusedWith(await cop("query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }"), "GRAPHQL_VALIDATION_FAILED");
    expect(body.errors.length).not.toBe(10);
    expect(body.errors.length).toBeLessThanOrEqual(6);
  });

  it("field duplication: refuses __typename repeated 500 times", async () => {
    const body = await refusedWith(await cop(`query cop { ${"__typename \n".repeat(500)}} `), "GRAPHQL_VALIDATION_FAILED");
    expect(body.data?.__typename).toBeUndefined();
    expect(body.errors[0].message).toMatch(/repeated/);
  });

  it("field suggestions: gives none", async () => {
    const body = await refusedWith(await cop("query cop { __schema { directive } }"), "GRAPHQL_VALIDATION_FAILED", "FORBIDDEN");
    expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
  });

  it("introspection: refused to the public in production", async () => {
    const body = await refusedWith(await cop("query cop { __schema { types { name fields { name } } } }"), "FORBIDDEN");
    expect(body.data?.__schema).toBeUndefined();
  });

  it("GraphQL IDE: none at the GraphQL endpoint (the explorer lives at its own path)", async () => {
    const response = await fetch(endpoint, { headers: { Accept: "text/html" } });
    const text = await response.text();
    for (const word of ["graphiql.min.css", "GraphQL Playground", "GraphiQL", "graphql-playground"]) expect(text).not.toContain(word);
  });

  it("GET method query support: a GET without a preflight header is refused as a possible cross-site request", async () => {
    const response = await fetch(`${endpoint}?${new URLSearchParams({ query: "query cop {__typename}" })}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it("mutation over GET: refused", async () => {
    const response = await fetch(`${endpoint}?${new URLSearchParams({ query: "mutation cop {__typename}" })}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as { data?: unknown }).data).toBeUndefined();
  });

  it("POST-based url-encoded query: refused", async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: "query cop { __typename }" }).toString(),
    });
    expect(response.status).toBe(400);
  });

  it("trace mode: no tracing in an answer", async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-federation-include-trace": "ftv1" },
      body: JSON.stringify({ query: "query cop { __typename }", operationName: "cop" }),
    });
    const text = await response.text();
    expect(text.toLowerCase()).not.toContain('"tracing"');
    expect(text).not.toContain("ftv1");
  });

  it("unhandled errors: a document that is not GraphQL is a coded 400 with no exception details", async () => {
    const body = await refusedWith(await cop("qwerty cop { abc }"), "GRAPHQL_PARSE_FAILED");
    expect(JSON.stringify(body)).not.toMatch(/"exception"|stacktrace/);
    await refusedWith(
      await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: 12 }) }),
      "BAD_REQUEST",
    );
  });

  it("an operationName that names no operation of the document is a coded 400, not a 500", async () => {
    for (const operationName of ["Nope", ""]) {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ forces { id } }", operationName }),
      });
      await refusedWith(response, "OPERATION_RESOLUTION_FAILURE", "BAD_REQUEST");
    }
  });

  it("still answers the real questions inside the limits", async () => {
    const { body } = await hub.graphql(
      `{ forces { id name region { name } responseTimes(from: "2025-04-01", to: "2026-03-31") { emergency { attendanceP90Minutes } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.forces).toHaveLength(43);
  });
});
