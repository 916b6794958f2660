import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type RunningHub } from "../support/hub.ts";
import { NATIONAL_PICTURE } from "../support/queries.ts";

describe("staying up when a subgraph fails", () => {
  let hub: RunningHub;
  beforeAll(async () => {
    // No response cache: every answer here must come from the subgraphs as they are (dead, slow or back).
    // The timeout is well apart from the slow subgraph's delay, and from what a loaded machine takes: under load,
    // a 1 s timeout cut off subgraphs that were merely waiting for the CPU (workforce null beside a dead misconduct).
    hub = await startHub(undefined, { subgraphTimeoutMs: 5_000, env: { RESPONSE_CACHE: "off" } });
    // A first answer warms every subgraph (plans, JIT, figure sets): the tests are about a dead or slow subgraph, not a cold one.
    await hub.graphql(NATIONAL_PICTURE);
  });
  afterAll(() => hub?.stop());

  it("answers with partial data and an error naming a dead subgraph, then recovers when it restarts", async () => {
    await hub.stopSubgraph("misconduct");
    const { status, body } = await hub.graphql(NATIONAL_PICTURE);
    expect(status).toBe(200);
    expect(body.data!.forces).toHaveLength(43);
    expect(body.data!.forces[0].workforce.officersFte).toBeGreaterThan(0);
    expect(body.data!.forces.every((force: { misconduct: unknown }) => force.misconduct === null)).toBe(true);
    expect(body.errors!.some((error) => error.extensions?.serviceName === "misconduct")).toBe(true);
    expect((await fetch(`${hub.gatewayUrl}/readyz`)).status).toBe(503);

    await hub.restartSubgraph("misconduct");
    const recovered = await hub.graphql(NATIONAL_PICTURE);
    expect(recovered.body.errors).toBeUndefined();
    expect((await fetch(`${hub.gatewayUrl}/readyz`)).status).toBe(200);
  });

  it("gives up on a subgraph slower than the timeout, keeping the rest", async () => {
    hub.delaySubgraph("workforce", 10_000);
    const started = Date.now();
    const { body } = await hub.graphql(
      `{ forces { id workforce(asAt: "2025-03-31") { officersFte } crimePriorities(from: "2025-04-01", to: "2026-03-31") { knifeCrime { offences } } } }`,
    );
    hub.delaySubgraph("workforce", 0);
    expect(Date.now() - started).toBeLessThan(9_500);
    expect(body.data!.forces[0].crimePriorities.knifeCrime.offences).toBeGreaterThanOrEqual(0);
    expect(body.data!.forces[0].workforce).toBeNull();
    expect(body.errors!.some((error) => error.extensions?.serviceName === "workforce")).toBe(true);
  });

  it("drains in-flight requests on shutdown and takes no new ones", async () => {
    hub.delaySubgraph("forces", 400);
    const inFlight = hub.graphql("{ forces { id } }");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained = hub.drainGateway();
    const answer = await inFlight;
    await drained;
    hub.delaySubgraph("forces", 0);
    expect(answer.status).toBe(200);
    expect(answer.body.data!.forces).toHaveLength(43);
    await expect(fetch(`${hub.gatewayUrl}/healthz`)).rejects.toThrow();
  });
});

/** Deterministic garbage: every shape of bad request a client or a scanner sends. */
function malformedRequests(count: number): { body: string; contentType: string }[] {
  const shapes: ((n: number) => { body: string; contentType?: string })[] = [
    (n) => ({ body: `{"query": "{ forces { id } }"${"}".repeat(n % 3)}` }),
    (n) => ({ body: "{".repeat((n % 50) + 1) }),
    (n) => ({ body: JSON.stringify({ query: n }) }),
    (n) => ({ body: JSON.stringify({ query: ["{ forces { id } }"], variables: n }) }),
    (n) => ({ body: JSON.stringify({ query: `{ force(id: "${"x".repeat(n * 97)}") { id } }` }) }),
    (n) => ({
      body: JSON.stringify({
        query: `{ ${'force(id: "kent") { region { forces { '.repeat((n % 20) + 2)} id ${"} } }".repeat((n % 20) + 2)} }`,
      }),
    }),
    (n) => ({ body: JSON.stringify({ query: `{ forces { id unknownField${n} } }` }) }),
    (n) => ({
      body: JSON.stringify({
        query: `{ force(id: "kent") { misconduct(from: "2025-${String(n % 15).padStart(2, "0")}-40", to: "x") { casesOpened } } }`,
      }),
    }),
    (n) => ({
      body: JSON.stringify({
        query: 'query($d: LocalDate!) { force(id: "kent") { workforce(asAt: $d) { officersFte } } }',
        variables: { d: n % 2 ? 20250331 : "31-03-2025" },
      }),
    }),
    (n) => ({ body: JSON.stringify({ query: "{ forces { id } }", operationName: { n } }) }),
    (n) => ({
      body: JSON.stringify({
        query: "query A { forces { id } } query B { forces { name } }",
        operationName: ["Nope", "", null, `A${n}`][n % 4],
      }),
    }),
    (n) => ({ body: JSON.stringify({ query: "{ forces { id } }", operationName: n % 2 ? "Nope" : "" }) }),
    (n) => ({ body: `query=${n}`, contentType: "application/x-www-form-urlencoded" }),
    (n) => ({ body: "\u0000".repeat((n % 100) + 1) }),
    (n) => ({
      body: JSON.stringify({ query: `{ responseTimeLeagueTable(measure: "${n}", from: "2025-04-01", to: "2025-03-01") { rank } }` }),
    }),
    (n) => ({ body: JSON.stringify({ query: `{ forces(region: ${n}) { id } }` }) }),
    () => ({ body: JSON.stringify({ query: "x".repeat(200_000) }) }),
  ];
  return Array.from({ length: count }, (_, n) => {
    const { body, contentType } = shapes[n % shapes.length](n);
    return { body, contentType: contentType ?? "application/json" };
  });
}

describe("1,000 malformed requests", () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub(undefined, { environment: "production" });
  });
  afterAll(() => hub?.stop());

  it("get client errors or coded GraphQL errors: no 5xx and no stack traces", async () => {
    const requests = malformedRequests(1_000);
    const statuses: Record<number, number> = {};
    let stackTraces = 0;
    for (let start = 0; start < requests.length; start += 25) {
      await Promise.all(
        requests.slice(start, start + 25).map(async ({ body, contentType }) => {
          const response = await fetch(`${hub.gatewayUrl}/graphql`, { method: "POST", headers: { "content-type": contentType }, body });
          const text = await response.text();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (/stacktrace|\s+at\s.+\.(ts|js):\d+/.test(text)) stackTraces++;
        }),
      );
    }
    console.log("malformed requests by status:", statuses);
    expect(Object.keys(statuses).filter((status) => Number(status) >= 500)).toEqual([]);
    expect(stackTraces).toBe(0);
    expect((await hub.graphql("{ forces { id } }")).body.data!.forces).toHaveLength(43);
  });
});
