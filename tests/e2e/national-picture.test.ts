import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, mintToken, postJson, startHub, subgraphHeaders, type RunningHub } from "../support/hub.ts";
import { NATIONAL_PICTURE } from "../support/queries.ts";

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe.each(DATABASES)("the whole graph on $name", ({ url }) => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub(url);
  });
  afterAll(() => hub?.stop());

  it("answers the NationalPicture query for all 43 forces from every subgraph", async () => {
    const { status, body } = await hub.graphql(NATIONAL_PICTURE);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const forces = body.data!.forces;
    expect(forces).toHaveLength(43);
    for (const force of forces) {
      expect(force.region.name).toBeTruthy();
      expect(force.responseTimes.emergency.incidents, force.id).toBeGreaterThan(0);
      expect(force.responseTimes.emergency.attendanceP90Minutes).toBeGreaterThan(force.responseTimes.emergency.attendanceMedianMinutes);
      expect(force.responseTimes.emergency.withinStandardShare).toBeGreaterThan(0);
      expect(force.responseTimes.emergency.withinStandardShare).toBeLessThanOrEqual(1);
      expect(force.responseTimes.calls999.answeredWithin10sShare).toBeGreaterThan(0.5);
      expect(force.crimePriorities.knifeCrime.ratePer1000).toBeGreaterThanOrEqual(0);
      expect(force.crimePriorities.vawg.ratePer1000).toBeGreaterThan(0);
      expect(force.workforce.officersFte).toBeGreaterThan(0);
      expect(Number.isInteger(force.misconduct.casesOpened)).toBe(true);
    }
  });

  it("sums to national totals of the published size (the Home Office workforce totals the sample is scaled to)", async () => {
    const forces = (await hub.graphql(NATIONAL_PICTURE)).body.data!.forces;
    // Officers and the neighbourhood baseline are calibrated exactly; the rest are drawn around the anchor.
    expect(sum(forces.map((force: any) => force.workforce.officersFte))).toBeCloseTo(146_442, 1);
    expect(sum(forces.map((force: any) => force.workforce.neighbourhoodFte))).toBeCloseTo(17_175, 1);
    const knife = sum(forces.map((force: any) => force.crimePriorities.knifeCrime.offences));
    expect(knife).toBeGreaterThan(50_000);
    expect(knife).toBeLessThan(60_000);
    expect(sum(forces.map((force: any) => force.crimePriorities.vawg.offences))).toBeGreaterThan(1_000_000);
    const proceedings = sum(forces.map((force: any) => force.misconduct.proceedingsHeld));
    expect(proceedings).toBeGreaterThan(1_698 * 0.85);
    expect(proceedings).toBeLessThan(1_698 * 1.15);
  });

  it("computes rates from the population the forces subgraph owns", async () => {
    const { body } = await hub.graphql(
      `{ force(id: "metropolitan") { population crimePriorities(from: "2025-04-01", to: "2026-03-31") { knifeCrime { offences ratePer1000 } } } }`,
    );
    const force = body.data!.force;
    expect(force.crimePriorities.knifeCrime.ratePer1000).toBe(
      Math.round((force.crimePriorities.knifeCrime.offences / force.population) * 1000 * 1000) / 1000,
    );
  });

  it("lists the forces of one region (named) in order of name, and all 43", async () => {
    const { body } = await hub.graphql(`{ wales: forces(region: "Wales") { id name } all: forces { name } }`);
    expect(body.data!.wales.map((force: { id: string }) => force.id)).toEqual(["dyfed-powys", "gwent", "north-wales", "south-wales"]);
    const names = body.data!.all.map((force: { name: string }) => force.name);
    expect(names).toHaveLength(43);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("runs a constant number of SQL statements however many forces are asked for", async () => {
    // Computed now, not answered from the response cache.
    const fresh = (query: string) => postJson(`${hub.gatewayUrl}/graphql`, { query }, { "x-hub-cache": "refresh" });
    const before = hub.statements();
    await fresh(NATIONAL_PICTURE.replace("forces {", 'forces(region: "Wales") {'));
    const forFour = hub.statements() - before;
    const middle = hub.statements();
    await fresh(NATIONAL_PICTURE);
    const forAll = hub.statements() - middle;
    expect(forAll).toBe(forFour);
    // Per subgraph a few statements: figures, and the coverage that says which of them stand.
    expect(forAll).toBeLessThan(20);
  });

  it("takes P90s from the histograms within one 15-second bucket of percentile_cont over the raw incidents", async () => {
    const exact = await hub.subgraphs["response-times"].database.sql.query<{ force_id: string; p90: number }>(
      `SELECT force_id, (percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM arrived_at - call_connected_at) / 60))::float8 AS p90
       FROM response_times.incident WHERE grade = 'EMERGENCY' AND month BETWEEN '2025-04-01' AND '2026-03-01' GROUP BY force_id`,
    );
    const forces = (await hub.graphql(NATIONAL_PICTURE)).body.data!.forces;
    expect(exact).toHaveLength(43);
    for (const { force_id, p90 } of exact) {
      const fromHistogram = forces.find((force: any) => force.id === force_id).responseTimes.emergency.attendanceP90Minutes;
      expect(Math.abs(fromHistogram - p90), force_id).toBeLessThanOrEqual(0.25);
    }
  });

  it("computes monthly P90s in SQL by the same rule as the histograms in code", async () => {
    const { body } = await hub.graphql(`{ force(id: "kent") {
      year: responseTimes(from: "2025-04-01", to: "2026-03-31") { comparisons(measureIds: [EMERGENCY_ATTENDANCE_P90_MINUTES, EMERGENCY_ATTENDANCE_MEDIAN_MINUTES]) { monthly { value } } }
      april: responseTimes(from: "2025-04-01", to: "2025-04-30") { emergency { attendanceP90Minutes attendanceMedianMinutes } } } }`);
    expect(body.errors).toBeUndefined();
    const [p90, median] = body.data!.force.year.comparisons;
    // The series and the summary field are both served to the measure's precision (2 decimal places of minutes).
    expect(p90.monthly[0].value).toBe(body.data!.force.april.emergency.attendanceP90Minutes);
    expect(median.monthly[0].value).toBe(body.data!.force.april.emergency.attendanceMedianMinutes);
  });

  it("gives, as published on a day after every load, exactly the latest figures, recomputed from the raw rows", async () => {
    const asPublished = (day: string) =>
      NATIONAL_PICTURE.replaceAll('to: "2026-03-31")', `to: "2026-03-31", asPublishedOn: "${day}")`).replace(
        '(asAt: "2025-03-31")',
        `(asAt: "2025-03-31", asPublishedOn: "${day}")`,
      );
    const latest = await hub.graphql(NATIONAL_PICTURE);
    const later = await hub.graphql(asPublished("2099-12-31"));
    expect(later.body.errors).toBeUndefined();
    // Sums over rows read in another order may differ in the last bits of a double.
    const rounded = (data: unknown) =>
      JSON.parse(JSON.stringify(data, (_, value) => (typeof value === "number" ? Number(value.toPrecision(12)) : value)));
    expect(rounded(later.body.data)).toEqual(rounded(latest.body.data));
    // The sample was loaded today: nothing had been published by 2000, so nothing covers the period (null, not zero).
    const before = (await hub.graphql(asPublished("2000-01-01"))).body.data!.forces;
    expect(
      before.every(
        (force: any) =>
          force.responseTimes.emergency.incidents === null && force.crimePriorities.vawg.offences === null && force.workforce === null,
      ),
    ).toBe(true);
  });

  it("compares a force with its region and most similar group through the gateway", async () => {
    const { body } =
      await hub.graphql(`{ force(id: "kent") { mostSimilarGroup { members { id } } responseTimes(from: "2025-04-01", to: "2026-03-31") {
      comparisons(measureIds: [EMERGENCY_WITHIN_STANDARD_SHARE]) { value national region mostSimilarGroup rank forcesRanked yearEarlier monthly { value } } } } }`);
    expect(body.errors).toBeUndefined();
    const [comparison] = body.data!.force.responseTimes.comparisons;
    expect(comparison.forcesRanked).toBe(43);
    expect(comparison.rank).toBeGreaterThanOrEqual(1);
    expect(comparison.monthly).toHaveLength(12);
    for (const figure of ["value", "national", "region", "mostSimilarGroup", "yearEarlier"])
      expect(comparison[figure], figure).toBeGreaterThan(0);
    expect(comparison.region).not.toBe(comparison.national);
  });

  it("shows every force's alerts from every subgraph with rules in one query", async () => {
    const homeOffice = await mintToken({ role: "HOME_OFFICE" });
    const { body } = await hub.graphql(
      `{ forces { id
      responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { ruleId months { month value } explanation }
      crimePriorityMeasures(from: "2025-04-01", to: "2026-03-31") { alerts { ruleId explanation } }
      misconductMeasures(from: "2025-04-01", to: "2026-03-31") { alerts { ruleId explanation } } } }`,
      undefined,
      homeOffice,
    );
    expect(body.errors).toBeUndefined();
    const alerts = body.data!.forces.flatMap((force: any) => [
      ...force.responseTimeAlerts,
      ...force.crimePriorityMeasures.alerts,
      ...force.misconductMeasures.alerts,
    ]);
    expect(alerts.some((alert: any) => alert.ruleId === "CALLS_999_WITHIN_10S_BELOW_90")).toBe(true);
    expect(alerts.some((alert: any) => alert.ruleId === "KNIFE_CRIME_RISE_10_ABOVE_MSG")).toBe(true);
    // The five worst forces, or more when ranks tie.
    expect(alerts.filter((alert: any) => alert.ruleId === "MISCONDUCT_PER_100_OFFICERS_WORST_5").length).toBeGreaterThanOrEqual(5);
    for (const alert of alerts) expect(alert.explanation.length).toBeGreaterThan(20);
  });

  it("reports the Neighbourhood Policing Guarantee nationally and by force", async () => {
    const { body } = await hub.graphql(`{
      neighbourhoodPolicingGuarantee(asAt: "2025-03-31") { asAt baselineFte targetFte neighbourhoodFte trajectoryFte onTrajectory }
      forces { neighbourhoodPolicingGuarantee(asAt: "2025-03-31") { baselineFte targetFte neighbourhoodFte onTrajectory } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.neighbourhoodPolicingGuarantee).toEqual({
      asAt: "2025-03-31",
      baselineFte: 17_175,
      targetFte: 30_175,
      neighbourhoodFte: expect.closeTo(17_175, 6),
      trajectoryFte: 17_175,
      onTrajectory: true,
    });
    const forces = body.data!.forces.map((force: any) => force.neighbourhoodPolicingGuarantee);
    // Each force target is given to FTE precision (five places): their sum is 30,175 within that rounding.
    expect(sum(forces.map((force: any) => force.targetFte))).toBeCloseTo(30_175, 3);
    expect(sum(forces.map((force: any) => force.baselineFte))).toBeCloseTo(17_175, 6);
  });

  it("weights workforce comparisons by population, cross-checked against the national totals", async () => {
    const { body } = await hub.graphql(`{ forces { id population workforce(asAt: "2025-03-31") { officersFte } }
      force(id: "kent") { workforceComparisons(asAt: "2025-03-31") { measure { id } value national rank forcesRanked yearEarlier } } }`);
    expect(body.errors).toBeUndefined();
    const officers = sum(body.data!.forces.map((force: any) => force.workforce.officersFte));
    const population = sum(body.data!.forces.map((force: any) => force.population));
    const kent = body.data!.forces.find((force: any) => force.id === "kent");
    const [perThousand] = body.data!.force.workforceComparisons;
    expect(perThousand.measure.id).toBe("OFFICERS_PER_1000");
    expect(perThousand.national).toBeCloseTo((officers / population) * 1000, 3);
    expect(perThousand.value).toBeCloseTo((kent.workforce.officersFte / kent.population) * 1000, 3);
    expect(perThousand.forcesRanked).toBe(43);
    expect(perThousand.yearEarlier).toBeGreaterThan(0);
  });

  it("answers stop and search with null, not zeros, when none is loaded", async () => {
    const { body } = await hub.graphql(
      `{ force(id: "kent") { stopAndSearch(from: "2025-04-01", to: "2026-03-31") { searches weaponFindRate } } }`,
    );
    expect(body).toEqual({ data: { force: { stopAndSearch: null } } });
  });

  it("returns null for an unknown force", async () => {
    const { body } = await hub.graphql(`{ force(id: "atlantis") { id name } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ force: null });
  });

  it("rejects a period whose start is after its end as BAD_USER_INPUT naming `from`, keeping the rest", async () => {
    const { body } = await hub.graphql(`{ force(id: "kent") { name misconduct(from: "2026-03-31", to: "2025-04-01") { casesOpened } } }`);
    expect(body.data!.force).toEqual({ name: "Kent Police", misconduct: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "from" });
    expect(body.errors![0].message).toContain('"from"');
  });

  it.each([
    ["an inline date", `{ force(id: "kent") { workforce(asAt: "2025-02-30") { officersFte } } }`, undefined, "asAt"],
    [
      "a variable",
      `query($to: LocalDate!) { force(id: "kent") { misconduct(from: "2025-04-01", to: $to) { casesOpened } } }`,
      { to: "31/03/2026" },
      "to",
    ],
  ])("rejects a malformed date in %s as BAD_USER_INPUT naming the argument", async (_case, query, variables, argumentName) => {
    const { status, body } = await hub.graphql(query, variables);
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(body.errors![0].message).toContain(`"${argumentName}"`);
  });

  it("never sends a stack trace with an error", async () => {
    const { body } = await hub.graphql(`{ forces { nope } }`);
    expect(body.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it("lets only the gateway call a subgraph (HTTP 401 without its secret)", async () => {
    const forces = hub.subgraphUrls.forces;
    expect((await postJson(forces, { query: "{ __typename }" })).status).toBe(401);
    expect((await postJson(forces, { query: "{ _service { sdl } }" }, { "x-hub-gateway-secret": "guess" })).status).toBe(401);
    expect((await postJson(forces, { query: "{ __typename }" }, subgraphHeaders())).body.data).toEqual({ __typename: "Query" });
  });

  it("reports every subgraph ready", async () => {
    const response = await fetch(`${hub.gatewayUrl}/readyz`);
    const report = (await response.json()) as { subgraphs: { name: string; ready: boolean }[] };
    expect(response.status).toBe(200);
    expect(report.subgraphs.map((subgraph) => subgraph.name).sort()).toEqual([
      "crime-priorities",
      "forces",
      "misconduct",
      "response-times",
      "workforce",
    ]);
    expect((await fetch(`${hub.gatewayUrl}/healthz`)).status).toBe(200);
  });

  it("names the source of every figure set", async () => {
    const { body } = await hub.graphql(`{ force(id: "kent") {
      responseTimes(from: "2025-04-01", to: "2026-03-31") { sources { batchId kind file importedAt synthetic } }
      crimePriorities(from: "2025-04-01", to: "2026-03-31") { sources { kind synthetic } }
      workforce(asAt: "2025-03-31") { sources { kind synthetic } }
      misconduct(from: "2025-04-01", to: "2026-03-31") { sources { kind synthetic } } } }`);
    expect(body.errors).toBeUndefined();
    const force = body.data!.force;
    expect(force.responseTimes.sources).toEqual([
      {
        batchId: "1",
        kind: "sample",
        file: "synthetic sample data (generated, fixed seed)",
        importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        synthetic: true,
      },
    ]);
    for (const figures of [force.crimePriorities, force.workforce, force.misconduct])
      expect(figures.sources).toEqual([{ kind: "sample", synthetic: true }]);
  });

  it("marks the sample data as synthetic in every subgraph", async () => {
    for (const subgraph of Object.values(hub.subgraphs)) {
      const schema = subgraph.name.replace(/-/g, "_");
      const batches = await subgraph.database.sql.query<{ synthetic: boolean; rows_loaded: number }>(
        `SELECT synthetic, rows_loaded FROM "${schema}".import_batch`,
      );
      expect(batches).toHaveLength(1);
      expect(batches[0].synthetic).toBe(true);
      expect(batches[0].rows_loaded).toBeGreaterThan(0);
    }
  });
});
