import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REVISABLE_TABLES } from "../../subgraphs/importers.ts";
import { withdrawBatch } from "../../subgraphs/shared/ingest/withdraw.ts";
import { freshTestDatabase } from "../support/fresh-database.ts";
import { DATABASES, startHub, type RunningHub } from "../support/hub.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/ingest");
const fixture = (path: string) => join(FIXTURES, path);
const realData = (path: string) => join(import.meta.dirname, "../fixtures/real-data", path);

const CRIME = (from: string, to: string) => `{ force(id: "kent") { crimePriorities(from: "${from}", to: "${to}") {
  recordedOffences recordedOffencesCoverage { monthsRequested monthsCovered complete reason }
  vawg { offences coverage { monthsCovered complete reason } }
  csa { offences }
  knifeCrime { offences ratePer1000 coverage { monthsCovered reason } }
  possessionOfWeapons { offences }
} } }`;

describe.each(DATABASES)("real files only, without the sample, on $name", ({ url }) => {
  let hub: RunningHub;
  let streetBatchId = 0;
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

  it("says no data, not zero, where nothing is loaded", async () => {
    const { body } = await hub.graphql(`{ force(id: "kent") {
      crimePriorities(from: "2010-08-01", to: "2010-08-31") { knifeCrime { offences ratePer1000 coverage { monthsRequested monthsCovered missingMonths complete reason } } }
      misconduct(from: "2010-08-01", to: "2010-08-31") { casesOpened proceedingsHeld coverage { monthsCovered reason } }
    } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.force.crimePriorities.knifeCrime).toEqual({
      offences: null,
      ratePer1000: null,
      coverage: { monthsRequested: 1, monthsCovered: 0, missingMonths: ["2010-08-01"], complete: false, reason: "No loaded source covers knife crime for this force in the period" },
    });
    expect(body.data!.force.misconduct).toEqual({
      casesOpened: null, proceedingsHeld: null, coverage: { monthsCovered: 0, reason: "No loaded source covers misconduct cases for this force in the period" },
    });
  });

  it("keeps flagged recorded crime beside a street file, each count from the source able to give it", async () => {
    expect(await hub.load("ho-recorded-crime", realData("ho-recorded-crime-2024-25.csv"))).toMatchObject({ status: "LOADED", rowsLoaded: 4 });
    const street = await hub.load("police-uk-street", realData("2024-05-kent-street.csv"));
    expect(street).toMatchObject({ status: "LOADED", rowsLoaded: 3 });
    streetBatchId = street.batchId!;
    // The whole quarter April-June 2024: the Home Office quarter (300 + 40 + 50 + 1,000) outranks the May street file.
    const quarter = (await hub.graphql(CRIME("2024-04-01", "2024-06-30"))).body.data!.force.crimePriorities;
    expect(quarter).toEqual({
      recordedOffences: 1390,
      recordedOffencesCoverage: { monthsRequested: 3, monthsCovered: 3, complete: true, reason: null },
      vawg: { offences: 300, coverage: { monthsCovered: 3, complete: true, reason: null } },
      csa: { offences: 40 },
      // Neither source can count offences involving a knife: the 10D blade possessions are possession of weapons.
      knifeCrime: { offences: null, ratePer1000: null, coverage: { monthsCovered: 0, reason: "No loaded source covers knife crime for this force in the period" } },
      possessionOfWeapons: { offences: 50 },
    });
    // May alone cuts through the quarter: all recorded crime and possession of weapons from the street file (2 + 1),
    // VAWG from nothing, since street data has no flag and the quarter is never split into months.
    const may = (await hub.graphql(CRIME("2024-05-01", "2024-05-31"))).body.data!.force.crimePriorities;
    expect(may).toMatchObject({
      recordedOffences: 3,
      vawg: { offences: null, coverage: { monthsCovered: 0, complete: false, reason: "The loaded VAWG-flagged offences sources cover longer units (quarters or years) than this period holds whole: no figure for it" } },
      possessionOfWeapons: { offences: 1 },
    });
    // April to September: the quarter covers 3 of 6 months, flagged as partial.
    const half = (await hub.graphql(CRIME("2024-04-01", "2024-09-30"))).body.data!.force.crimePriorities;
    expect(half).toMatchObject({
      recordedOffences: 1390,
      recordedOffencesCoverage: { monthsRequested: 6, monthsCovered: 3, complete: false, reason: "Partial: 3 of 6 months covered for recorded offences; missing 2024-07, 2024-08, 2024-09" },
    });
  });

  it("withdraws a load: its rows leave the figures and May has no data again", async () => {
    const result = await withdrawBatch(hub.subgraphs["crime-priorities"].database.sql, "crime-priorities", REVISABLE_TABLES["crime-priorities"], streetBatchId);
    expect(result).toMatchObject({ rowsWithdrawn: 2, units: [`kent|2024-05-01|2024-05-31`] });
    const may = (await hub.graphql(CRIME("2024-05-01", "2024-05-31"))).body.data!.force.crimePriorities;
    expect(may).toMatchObject({ recordedOffences: null, possessionOfWeapons: { offences: null } });
    await expect(withdrawBatch(hub.subgraphs["crime-priorities"].database.sql, "crime-priorities", [], streetBatchId)).rejects.toThrow(/already withdrawn/);
  });

  it("checks anti-social behaviour rows before skipping them: month 2025-13 rejects the file", async () => {
    const result = await hub.load("police-uk-street", realData("validation/2025-01-kent-street.csv"));
    expect(result).toMatchObject({ status: "REJECTED", rowsRejected: 1 });
    expect(result.errors).toEqual([{ file: "2025-01-kent-street.csv", line: 3, column: "Month", value: "2025-13", reason: "not a month (YYYY-MM)" }]);
  });

  it("skips, by name, files and rows for bodies outside the 43 forces, and finds columns by name in any order or case", async () => {
    expect(await hub.load("police-uk-street", realData("validation/2025-01-btp-street.csv"))).toMatchObject({
      status: "SKIPPED", skippedBecause: "British Transport Police: not one of the 43 territorial forces", batchId: null,
    });
    const workforce = await hub.load("ho-workforce", realData("validation/ho-workforce-reordered.csv"));
    expect(workforce).toMatchObject({
      status: "LOADED", rowsLoaded: 1, rowsSkipped: 2,
      skipped: { "British Transport Police: not one of the 43 territorial forces": 1, "a national total row: not one of the 43 territorial forces": 1 },
    });
  });

  it("quotes a bad value escaped and cut to a readable length", async () => {
    const result = await hub.load("police-uk-street", realData("validation/2025-02-kent-street.csv"));
    expect(result.status).toBe("REJECTED");
    expect(result.errors.map((error) => error.value)).toEqual([
      "\\u{1b}[31m\\u{7}\\u{0}\\u{1} Police",
      `${"x".repeat(80)}… (5,000 characters)`,
    ]);
  });
});
