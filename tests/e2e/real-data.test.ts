import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshTestDatabase } from "../support/fresh-database.ts";
import { DATABASES, startHub, type RunningHub } from "../support/hub.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/ingest");
const fixture = (path: string) => join(FIXTURES, path);

describe.each(DATABASES)("real files only, without the sample, on $name", ({ url }) => {
  let hub: RunningHub;
  let dropDatabase: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (url) ({ url: databaseUrl, drop: dropDatabase } = await freshTestDatabase("real_data"));
    hub = await startHub(databaseUrl, { sample: false });
  });
  afterAll(async () => {
    await hub?.stop();
    await dropDatabase();
  });

  it("holds the reference data with nothing loaded: forces, regions, governance, standards", async () => {
    const { body } = await hub.graphql(`{
      forces { id gssCode region { name } governance { kind } }
      responseStandards { grade areaType thresholdSeconds }
      comparisonGroups { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.forces).toHaveLength(43);
    expect(body.data!.forces.every((force: any) => force.gssCode && force.region.name && force.governance.length > 0)).toBe(true);
    expect(body.data!.responseStandards).toEqual([
      { grade: "EMERGENCY", areaType: "RURAL", thresholdSeconds: 1200 },
      { grade: "EMERGENCY", areaType: "URBAN", thresholdSeconds: 900 },
    ]);
    // The stand-in most similar groups are synthetic: they come only with the sample.
    expect(body.data!.comparisonGroups).toEqual([]);
  });

  it("measures a first incident file against the standards at once", async () => {
    expect(await hub.load("response-incidents", fixture("response-incidents.csv"))).toMatchObject({ status: "LOADED" });
    const { body } = await hub.graphql(`{ force(id: "kent") { responseTimes(from: "2025-01-01", to: "2025-01-31") { emergency { incidents withinStandardShare } } } }`);
    expect(body.errors).toBeUndefined();
    // R1 urban, 9 minutes (within 15); R2 rural, 25 minutes (beyond 20).
    expect(body.data!.force.responseTimes.emergency).toEqual({ incidents: 2, withinStandardShare: 0.5 });
  });
});
