import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBatches } from "../../scripts/hub/batches.ts";
import { REVISABLE_TABLES } from "../../subgraphs/importers.ts";
import { withdrawBatch } from "../../subgraphs/shared/ingest/withdraw.ts";
import { freshTestDatabase } from "../support/fresh-database.ts";
import { writeWorkbook } from "../support/workbook.ts";
import { DATABASES, mintToken, startHub, type RunningHub } from "../support/hub.ts";

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

const sumOf = (byForce: Map<string, number | null>) => {
  const figures = [...byForce.values()].filter((offences): offences is number => offences !== null);
  return { offences: figures.reduce((total, offences) => total + offences, 0), forces: figures.length };
};

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

  const knifeCrimeByForce = async (from: string, to: string): Promise<Map<string, number | null>> => {
    const { body } = await hub.graphql(`{ forces { id crimePriorities(from: "${from}", to: "${to}") { knifeCrime { offences } } } }`);
    expect(body.errors).toBeUndefined();
    return new Map(body.data!.forces.map((force: any) => [force.id, force.crimePriorities.knifeCrime.offences]));
  };

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
    const { body } = await hub.graphql(`{ force(id: "kent") { responseTimes(from: "2025-01-01", to: "2025-02-28") {
      emergency { incidents withinStandardShare coverage { complete reason } }
      comparisons(measureIds: [EMERGENCY_WITHIN_STANDARD_SHARE]) { value unavailableReason forcesInNational }
    } } }`);
    expect(body.errors).toBeUndefined();
    // R1 urban, 9 minutes (within 15); R2 rural, 25 minutes (beyond 20); the file covers January only, so February is missing.
    expect(body.data!.force.responseTimes.emergency).toEqual({
      incidents: 2,
      withinStandardShare: 0.5,
      coverage: { complete: false, reason: "Partial: 1 of 2 months covered for response attendance; missing 2025-02" },
    });
    // A partly covered force is no comparison: no value, and no force in the national figure.
    expect(body.data!.force.responseTimes.comparisons).toEqual([
      { value: null, unavailableReason: "Partial: 1 of 2 months covered for response attendance; missing 2025-02", forcesInNational: 0 },
    ]);
    const january = await hub.graphql(
      `{ force(id: "kent") { responseTimes(from: "2025-01-01", to: "2025-01-31") { comparisons(measureIds: [EMERGENCY_WITHIN_STANDARD_SHARE]) { value forcesInNational } } } }`,
    );
    expect(january.body.data!.force.responseTimes.comparisons).toEqual([{ value: 0.5, forcesInNational: 1 }]);
  });

  it("says no data, not zero, where nothing is loaded", async () => {
    const { body } = await hub.graphql(`{ force(id: "kent") {
      crimePriorities(from: "2010-08-01", to: "2010-08-31") { knifeCrime { offences ratePer1000 coverage { monthsRequested monthsCovered missingMonths complete reason } } }
      misconduct(from: "2010-08-01", to: "2010-08-31") { casesOpened proceedingsHeld coverage { monthsCovered reason } }
      responseTimes(from: "2010-08-01", to: "2010-08-31") { emergency { incidents withinStandardShare coverage { monthsCovered reason } } calls999 { callsReceived } }
    } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.force.crimePriorities.knifeCrime).toEqual({
      offences: null,
      ratePer1000: null,
      coverage: {
        monthsRequested: 1,
        monthsCovered: 0,
        missingMonths: ["2010-08-01"],
        complete: false,
        reason: "No loaded source covers knife crime for this force in the period",
      },
    });
    expect(body.data!.force.responseTimes).toEqual({
      emergency: {
        incidents: null,
        withinStandardShare: null,
        coverage: { monthsCovered: 0, reason: "No loaded source covers response attendance for this force in the period" },
      },
      calls999: null,
    });
    expect(body.data!.force.misconduct).toEqual({
      casesOpened: null,
      proceedingsHeld: null,
      coverage: { monthsCovered: 0, reason: "No loaded source covers misconduct cases for this force in the period" },
    });
  });

  it("keeps flagged recorded crime beside a street file, each count from the source able to give it", async () => {
    expect(await hub.load("ho-recorded-crime", realData("ho-recorded-crime-2024-25.csv"))).toMatchObject({
      status: "LOADED",
      rowsLoaded: 4,
    });
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
      knifeCrime: {
        offences: null,
        ratePer1000: null,
        coverage: { monthsCovered: 0, reason: "No loaded source covers knife crime for this force in the period" },
      },
      possessionOfWeapons: { offences: 50 },
    });
    // May alone cuts through the quarter: all recorded crime and possession of weapons from the street file (2 + 1),
    // VAWG from nothing, since street data has no flag and the quarter is never split into months.
    const may = (await hub.graphql(CRIME("2024-05-01", "2024-05-31"))).body.data!.force.crimePriorities;
    expect(may).toMatchObject({
      recordedOffences: 3,
      vawg: {
        offences: null,
        coverage: {
          monthsCovered: 0,
          complete: false,
          reason:
            "The loaded VAWG-flagged offences sources cover longer units (quarters or years) than this period holds whole: no figure for it",
        },
      },
      possessionOfWeapons: { offences: 1 },
    });
    // April to September: the quarter covers 3 of 6 months, flagged as partial.
    const half = (await hub.graphql(CRIME("2024-04-01", "2024-09-30"))).body.data!.force.crimePriorities;
    expect(half).toMatchObject({
      recordedOffences: 1390,
      recordedOffencesCoverage: {
        monthsRequested: 6,
        monthsCovered: 3,
        complete: false,
        reason: "Partial: 3 of 6 months covered for recorded offences; missing 2024-07, 2024-08, 2024-09",
      },
    });
  });

  it("withdraws a load: its rows leave the figures and May has no data again", async () => {
    const result = await hub.change(() =>
      withdrawBatch(
        hub.subgraphs["crime-priorities"].database.sql,
        "crime-priorities",
        REVISABLE_TABLES["crime-priorities"],
        streetBatchId,
      ),
    );
    expect(result).toMatchObject({ rowsWithdrawn: 2, units: [`kent|2024-05-01|2024-05-31`] });
    const may = (await hub.graphql(CRIME("2024-05-01", "2024-05-31"))).body.data!.force.crimePriorities;
    expect(may).toMatchObject({ recordedOffences: null, possessionOfWeapons: { offences: null } });
    await expect(withdrawBatch(hub.subgraphs["crime-priorities"].database.sql, "crime-priorities", [], streetBatchId)).rejects.toThrow(
      /already withdrawn/,
    );
  });

  it("loads the ONS knife crime table: one 12-month unit per force and column, the national total of the published size", async () => {
    const result = await hub.load("ons-knife-crime", realData("ons-knife-crime-pfa.csv"));
    // 43 forces × 4 periods, less Greater Manchester's [x]; the England and Wales row is a total, skipped per column.
    expect(result).toMatchObject({
      status: "LOADED",
      rowsLoaded: 171,
      rowsRejected: 0,
      skipped: { "a national total row: not one of the 43 territorial forces": 4, "no figure published ([x]: not available)": 1 },
    });
    const yearEndingSeptember2024 = await knifeCrimeByForce("2023-10-01", "2024-09-30");
    expect(sumOf(yearEndingSeptember2024)).toEqual({ offences: 55_008, forces: 43 });
    expect(yearEndingSeptember2024.get("kent")).toBe(1214);
    // Greater Manchester published no figure for the year ending September 2023: left out, not counted as 0.
    const yearEndingSeptember2023 = await knifeCrimeByForce("2022-10-01", "2023-09-30");
    expect(sumOf(yearEndingSeptember2023)).toEqual({ offences: 50_095, forces: 42 });
    expect(yearEndingSeptember2023.get("greater-manchester")).toBeNull();
    // Two financial years are tiled by their own columns (1,190 + 1,238); a calendar year cuts through both.
    expect((await hub.graphql(CRIME("2023-04-01", "2025-03-31"))).body.data!.force.crimePriorities.knifeCrime).toMatchObject({
      offences: 2428,
      coverage: { monthsCovered: 24 },
    });
    expect((await hub.graphql(CRIME("2024-01-01", "2024-12-31"))).body.data!.force.crimePriorities.knifeCrime).toMatchObject({
      offences: null,
      coverage: {
        monthsCovered: 0,
        reason: "The loaded knife crime sources cover longer units (quarters or years) than this period holds whole: no figure for it",
      },
    });
  });

  it("reads the ONS police force area tables as published (.xlsx, Table P4): the 43 forces' knife offences sum to 46,936", async () => {
    const result = await hub.load("ons-knife-crime", realData("ons/policeforceareatablesyeendingmarch2019.xlsx"));
    // England and Wales, England, nine English regions and Wales are totals; British Transport Police is outside the 43.
    expect(result).toMatchObject({
      status: "LOADED",
      rowsRead: 56,
      rowsLoaded: 43,
      rowsRejected: 0,
      skipped: {
        "a national total row: not one of the 43 territorial forces": 3,
        "a regional total row: not one of the 43 territorial forces": 9,
        "British Transport Police: not one of the 43 territorial forces": 1,
      },
    });
    const yearEndingMarch2019 = await knifeCrimeByForce("2018-04-01", "2019-03-31");
    expect(sumOf(yearEndingMarch2019)).toEqual({ offences: 46_936, forces: 43 });
    // Footnote digits stuck to names ("Northumbria8", "Surrey10,11") are not part of them.
    expect([yearEndingMarch2019.get("kent"), yearEndingMarch2019.get("northumbria"), yearEndingMarch2019.get("surrey")]).toEqual([
      955, 942, 464,
    ]);
  });

  it("divides rates by the ONS mid-year estimate of the year the period starts in, else the nearest earlier, else the 2011 census, and says which", async () => {
    const KENT_RATE = `{ force(id: "kent") {
      y2018: crimePriorities(from: "2018-04-01", to: "2019-03-31") { knifeCrime { offences ratePer1000 populationYear populationSource } }
      y2016: crimePriorities(from: "2016-04-01", to: "2017-03-31") { knifeCrime { populationYear populationSource } }
      crimePriorityMeasures(from: "2018-04-01", to: "2019-03-31") { comparisons(measureIds: [KNIFE_CRIME_RATE_PER_1000]) { value populationBasis } }
    } }`;
    const before = (await hub.graphql(KENT_RATE)).body.data!.force;
    expect(before.y2018.knifeCrime).toEqual({ offences: 955, ratePer1000: 0.553, populationYear: 2011, populationSource: "2011 census" });
    expect(before.crimePriorityMeasures.comparisons[0].populationBasis).toBe("2011 census (43 forces)");
    // An ONS-style table (values for the test): a column per mid-year, regions among the forces, told apart by code.
    const estimates = writeWorkbook("pfa-population-estimates.xlsx", {
      Contents: [["Population estimates for police force areas"]],
      MYE5: [
        ["Mid-year population estimates for police force areas in England and Wales, mid-2016 and mid-2017"],
        [],
        ["Code", "Name", "Geography", "Estimated Population mid-2016", "Estimated Population mid-2017"],
        ["E12000008", "South East", "Region", 9_030_300, 9_080_800],
        ["E23000032", "Kent", "Police Force Area", 1_820_400, 1_846_500],
        ["E23000031", "Surrey", "Police Force Area", 1_180_000, 1_189_900],
        ["E23000014", "West Midlands", "Police Force Area", 2_897_300, 2_916_500],
        [],
        ["Source: Office for National Statistics (values here are for the test)"],
      ],
    });
    expect(await hub.load("ons-population", estimates)).toMatchObject({
      status: "LOADED",
      rowsLoaded: 6,
      skipped: { "a regional total row: not one of the 43 territorial forces": 2 },
    });
    const after = (await hub.graphql(KENT_RATE)).body.data!.force;
    // 2018/19 starts in 2018: no mid-2018 estimate is loaded, so the nearest earlier, mid-2017.
    expect(after.y2018.knifeCrime).toEqual({
      offences: 955,
      ratePer1000: 0.517,
      populationYear: 2017,
      populationSource: "ONS mid-year estimate",
    });
    expect(after.y2016.knifeCrime).toEqual({ populationYear: 2016, populationSource: "ONS mid-year estimate" });
    // 955 / 1,846,500 × 1,000 = 0.5172…, served to the measure's 3 decimal places.
    expect(after.crimePriorityMeasures.comparisons[0]).toEqual({
      value: 0.517,
      populationBasis: "ONS mid-2017 estimate (3 forces), 2011 census (40 forces)",
    });
  });

  it("reads the mid-2017 populations of the real ONS workbook (Table P3), not its household column, and divides by them", async () => {
    const result = await hub.load("ons-population", realData("ons/policeforceareatablesyeendingmarch2019.xlsx"));
    expect(result).toMatchObject({
      status: "LOADED",
      rowsLoaded: 43,
      rowsRejected: 0,
      skipped: {
        "a national total row: not one of the 43 territorial forces": 3,
        "a regional total row: not one of the 43 territorial forces": 9,
      },
    });
    const { body } = await hub.graphql(`{ forces { id populationEstimates { year population } }
      force(id: "kent") { crimePriorityMeasures(from: "2018-04-01", to: "2019-03-31") { comparisons(measureIds: [KNIFE_CRIME_RATE_PER_1000]) { value populationBasis } } } }`);
    expect(body.errors).toBeUndefined();
    const mid2017 = body.data!.forces.map(
      (force: any) => force.populationEstimates.find((estimate: any) => estimate.year === 2017)?.population,
    );
    // The 43 police force areas at mid-2017, as the table gives them (rounded to 100): 58,744,800 in all.
    expect(mid2017.reduce((sum: number, population: number) => sum + population, 0)).toBe(58_744_800);
    expect(body.data!.forces.find((force: any) => force.id === "kent").populationEstimates).toContainEqual({
      year: 2017,
      population: 1_832_300,
    });
    // 955 / 1,832,300 × 1,000 = 0.5212…: the later load replaced the test's own mid-2017 figures, force by force.
    expect(body.data!.force.crimePriorityMeasures.comparisons).toEqual([
      { value: 0.521, populationBasis: "ONS mid-2017 estimate (43 forces)" },
    ]);
  });

  it("says which sheets a workbook has when the one named with --sheet is not there", async () => {
    const result = await hub.load("ons-knife-crime", realData("ons/policeforceareatablesyeendingmarch2019.xlsx"), { sheet: "Table P9" });
    expect(result).toMatchObject({ status: "REJECTED", rowsLoaded: 0 });
    expect(result.errors[0].reason).toBe(
      'unreadable: no sheet "Table P9" in the workbook (sheets: "Notes", "Table P1", "Table P2", "Table P3", "Table P4", "Table P5", "Table P6", "Table P7", "Table P8")',
    );
  });

  it("sums a recorded crime table's negative adjustments into their force × quarter and skips the national fraud bodies by name", async () => {
    const result = await hub.load("ho-recorded-crime", realData("validation/ho-recorded-crime-2017-18-adjustments.csv"));
    expect(result).toMatchObject({
      status: "LOADED",
      rowsRead: 8,
      rowsLoaded: 3,
      rowsRejected: 0,
      skipped: {
        "a national fraud reporting body: not one of the 43 territorial forces": 4,
        "British Transport Police: not one of the 43 territorial forces": 1,
      },
    });
    const { body } = await hub.graphql(`{ force(id: "kent") {
      q1: crimePriorities(from: "2017-04-01", to: "2017-06-30") { recordedOffences }
      q2: crimePriorities(from: "2017-07-01", to: "2017-09-30") { recordedOffences }
    } }`);
    expect(body.data!.force).toEqual({ q1: { recordedOffences: 310 }, q2: { recordedOffences: 117 } });
  });

  it("reads a recorded crime table from a workbook as published: title rows above the header, the data sheet after a notes sheet", async () => {
    const file = writeWorkbook("prc-pfa-mar2019.xlsx", {
      Notes: [["Police recorded crime open data tables: notes"], ["See the user guide."]],
      "2018_19": [
        ["Police recorded crime by police force area, year ending March 2019"],
        [],
        [
          "Financial Year",
          "Financial Quarter",
          "Force Name",
          "Offence Description",
          "Offence Group",
          "Offence Subgroup",
          "Offence Code",
          "Number of Offences",
        ],
        ["2018/19", 1, "Dorset", "Shoplifting", "Theft offences", "Shoplifting", "46", 812],
        ["2018/19", 1, "Dorset", "Theft from the person", "Theft offences", "Theft from the person", "39", -2],
        ["2018/19", 1, "Financial Fraud Action UK", "Fraud", "Fraud offences", "Financial Fraud Action UK", "53D", 14_902],
      ],
    });
    expect(await hub.load("ho-recorded-crime", file)).toMatchObject({ status: "LOADED", rowsRead: 3, rowsLoaded: 2, rowsSkipped: 1 });
    const { body } = await hub.graphql(
      `{ force(id: "dorset") { crimePriorities(from: "2018-04-01", to: "2018-06-30") { recordedOffences } } }`,
    );
    expect(body.data!.force.crimePriorities.recordedOffences).toBe(810);
  });

  it("rejects a recorded crime table whose force × quarter nets below zero, naming the unit", async () => {
    const result = await hub.load("ho-recorded-crime", realData("validation/ho-recorded-crime-2017-18-net-negative.csv"));
    expect(result).toMatchObject({ status: "REJECTED", rowsLoaded: 0, rowsRejected: 1 });
    expect(result.errors).toEqual([
      {
        file: "ho-recorded-crime-2017-18-net-negative.csv",
        line: 3,
        column: "Number of Offences",
        value: "-40",
        reason: "surrey, quarter from 2017-10-01: its rows net to -40 offences (negative adjustments beyond the offences recorded)",
      },
    ]);
  });

  it("revises one force's year in the hub format: that unit alone is superseded", async () => {
    const knifeLoads = () => listBatches(hub.subgraphs["crime-priorities"].database.sql, "crime-priorities", { kind: "ons-knife-crime" });
    const [table] = await knifeLoads();
    const revision = await hub.load("ons-knife-crime", realData("knife-crime-revision.csv"));
    expect(revision).toMatchObject({ status: "LOADED", rowsLoaded: 1, supersededBatchIds: [Number(table.batch.split(":")[1])] });
    const yearEndingSeptember2024 = await knifeCrimeByForce("2023-10-01", "2024-09-30");
    expect(yearEndingSeptember2024.get("kent")).toBe(1220);
    expect(sumOf(yearEndingSeptember2024)).toEqual({ offences: 55_014, forces: 43 });
    expect((await knifeLoads())[0]).toMatchObject({ batch: table.batch, status: "LOADED", liveUnits: 170, supersededUnits: 1 });
  });

  it("checks each knife crime figure's force and period, and takes one figure per force and period", async () => {
    const result = await hub.load("ons-knife-crime", realData("validation/knife-crime-bad.csv"));
    expect(result).toMatchObject({ status: "REJECTED", rowsRejected: 4 });
    expect(result.errors.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 2, column: "Period start", reason: "a period starts on the first day of a month" },
      { line: 3, column: "Period end", reason: "a period runs 1 to 12 whole months (this one 13)" },
      { line: 5, column: "Period start", reason: "a second figure for this force and period (first on line 4)" },
      { line: 6, column: "Force", reason: "unknown force: not a known id, code or name" },
    ]);
  });

  it("reads 999 answering, misconduct cases and vetting returns from their files, each with its coverage", async () => {
    for (const kind of ["calls-999", "misconduct", "vetting"]) {
      // Each fixture holds one invalid row on purpose: the valid ones load beside it.
      expect(await hub.load(kind, fixture(`${kind}.csv`), { skipInvalid: true }), kind).toMatchObject({
        status: "LOADED",
        rowsRejected: 1,
      });
    }
    const token = await mintToken({ role: "HOME_OFFICE" });
    const { body } = await hub.graphql(
      `{ force(id: "kent") {
      calls: responseTimes(from: "2025-01-01", to: "2025-01-31") { calls999 { callsReceived answeredWithin10sShare coverage { complete } } }
      misconduct(from: "2025-01-01", to: "2025-02-28") { casesOpened coverage { monthsCovered complete reason } }
      quarter: vetting(from: "2025-01-01", to: "2025-03-31") { applications refusals coverage { complete } }
      vettingJanuary: vetting(from: "2025-01-01", to: "2025-01-31") { applications }
    } }`,
      undefined,
      token,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.force.calls).toEqual({
      calls999: { callsReceived: 10_000, answeredWithin10sShare: 0.9, coverage: { complete: true } },
    });
    // Two valid cases opened 6 January; the file runs from January to January, so February is not covered.
    expect(body.data!.force.misconduct).toEqual({
      casesOpened: 2,
      coverage: { monthsCovered: 1, complete: false, reason: "Partial: 1 of 2 months covered for misconduct cases; missing 2025-02" },
    });
    expect(body.data!.force.quarter).toEqual({ applications: 1200, refusals: 60, coverage: { complete: true } });
    // A quarterly return is never split into its months.
    expect(body.data!.force.vettingJanuary).toBeNull();
  });

  it("says how much of a period stop and search and outcomes files cover", async () => {
    // The fixture's last row has a day without a time: rejected, the rest load.
    expect(
      await hub.load("police-uk-stop-search", join(FIXTURES, "stop-search/2024-01-kent-stop-and-search.csv"), { skipInvalid: true }),
    ).toMatchObject({ status: "LOADED", rowsRejected: 1 });
    const { body } = await hub.graphql(`{ force(id: "kent") {
      stopAndSearch(from: "2024-01-01", to: "2024-02-29") { coverage { monthsCovered complete reason } }
      before: stopAndSearch(from: "2023-01-01", to: "2023-01-31") { searches }
      crimePriorities(from: "2024-01-01", to: "2024-01-31") { recordedCrimeOutcomes { outcome } recordedCrimeOutcomesCoverage { monthsCovered reason } }
    } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.force).toEqual({
      stopAndSearch: {
        coverage: { monthsCovered: 1, complete: false, reason: "Partial: 1 of 2 months covered for stop and search; missing 2024-02" },
      },
      before: null,
      crimePriorities: {
        recordedCrimeOutcomes: [],
        recordedCrimeOutcomesCoverage: {
          monthsCovered: 0,
          reason: "No loaded source covers outcomes of recorded crime for this force in the period",
        },
      },
    });
  });

  it('places each search of the real July 2018 Metropolitan file in its UK month, and a blank link column is not published, not "no"', async () => {
    // The file starts with 18 searches at 2018-06-30T23:xx:00+00:00: 00:xx on 1 July in London.
    expect(await hub.load("police-uk-stop-search", realData("police-uk/2018-07-metropolitan-stop-and-search.csv"))).toMatchObject({
      status: "LOADED",
      rowsRead: 9_588,
      rowsLoaded: 9_588,
    });
    const { body } = await hub.graphql(`{ force(id: "metropolitan") {
      july: stopAndSearch(from: "2018-07-01", to: "2018-07-31") {
        searches arrestCount arrestCountReason weaponSearches weaponFindRate weaponFindRateReason moreThanOuterClothingRemoved moreThanOuterClothingRemovedReason coverage { complete } }
      june: stopAndSearch(from: "2018-06-01", to: "2018-06-30") { searches coverage { complete } }
    } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.force).toEqual({
      july: {
        searches: 9_588,
        arrestCount: 1_766,
        arrestCountReason: null,
        weaponSearches: 2_001,
        weaponFindRate: null,
        coverage: { complete: true },
        weaponFindRateReason:
          'not recorded by this force in this file: "Outcome linked to object of search" is blank on every weapon search',
        moreThanOuterClothingRemoved: null,
        moreThanOuterClothingRemovedReason:
          'not recorded by this force in this file: "Removal of more than just outer clothing" is blank on every search',
      },
      june: null,
    });
  });

  it("refuses a stop and search row dated outside its file's month in UK time, naming the line", async () => {
    const result = await hub.load("police-uk-stop-search", realData("validation/2018-08-metropolitan-stop-and-search.csv"));
    expect(result).toMatchObject({ status: "REJECTED", rowsRejected: 1 });
    expect(result.errors).toEqual([
      {
        file: "2018-08-metropolitan-stop-and-search.csv",
        line: 2,
        column: "Date",
        value: "2018-07-31T22:59:00+00:00",
        reason: "in 2018-07 in UK time, outside the file's month 2018-08",
      },
    ]);
  });

  it("checks anti-social behaviour rows before skipping them: month 2025-13 rejects the file", async () => {
    const result = await hub.load("police-uk-street", realData("validation/2025-01-kent-street.csv"));
    expect(result).toMatchObject({ status: "REJECTED", rowsRejected: 1 });
    expect(result.errors).toEqual([
      { file: "2025-01-kent-street.csv", line: 3, column: "Month", value: "2025-13", reason: "not a month (YYYY-MM)" },
    ]);
  });

  it("counts a real street file exactly: City of London, January 2024 (CRLF, quoted commas)", async () => {
    // 734 rows: 12 anti-social behaviour (skipped), 722 crimes of which 6 possession of weapons.
    expect(await hub.load("police-uk-street", realData("police-uk/2024-01-city-of-london-street.csv"))).toMatchObject({
      status: "LOADED",
      rowsRead: 734,
      rowsLoaded: 722,
      rowsSkipped: 12,
      rowsRejected: 0,
      qualityWarnings: [],
    });
    const { body } = await hub.graphql(`{ force(id: "city-of-london") { crimePriorities(from: "2024-01-01", to: "2024-01-31") {
      recordedOffences possessionOfWeapons { offences } knifeCrime { offences coverage { reason } } } } }`);
    expect(body.data!.force.crimePriorities).toEqual({
      recordedOffences: 722,
      possessionOfWeapons: { offences: 6 },
      // Knife crime comes from the ONS tables loaded above, whose 12-month units a single month cannot use; never from street data.
      knifeCrime: {
        offences: null,
        coverage: {
          reason: "The loaded knife crime sources cover longer units (quarters or years) than this period holds whole: no figure for it",
        },
      },
    });
  });

  it("refuses a street row of another month than its file's, so a month is covered only by its own files", async () => {
    const result = await hub.load("police-uk-street", realData("validation/2025-03-kent-street.csv"));
    expect(result).toMatchObject({ status: "REJECTED", rowsRejected: 1 });
    expect(result.errors).toEqual([
      { file: "2025-03-kent-street.csv", line: 3, column: "Month", value: "2025-02", reason: "outside the file's month 2025-03" },
    ]);
  });

  it("skips, by name, files and rows for bodies outside the 43 forces, and finds columns by name in any order or case", async () => {
    expect(await hub.load("police-uk-street", realData("validation/2025-01-btp-street.csv"))).toMatchObject({
      status: "SKIPPED",
      skippedBecause: "British Transport Police: not one of the 43 territorial forces",
      batchId: null,
    });
    const workforce = await hub.load("ho-workforce", realData("validation/ho-workforce-reordered.csv"));
    expect(workforce).toMatchObject({
      status: "LOADED",
      rowsLoaded: 1,
      rowsSkipped: 2,
      skipped: {
        "British Transport Police: not one of the 43 territorial forces": 1,
        "a national total row: not one of the 43 territorial forces": 1,
      },
    });
  });

  it("gives neighbourhood FTE only from the functions table: null, never 0, from the table by rank alone", async () => {
    const WORKFORCE = `{ kent: force(id: "kent") { workforce(asAt: "2024-03-31") {
        asAt officersFte officersHeadcount neighbourhoodFte neighbourhoodOfficersFte neighbourhoodPcsoFte visibleFrontlineOfficerShare
        byFunction { functionName frontlineStatus officersFte } coverage { measure available reason } } }
      surrey: force(id: "surrey") { workforce(asAt: "2024-03-31") { officersFte officersHeadcount neighbourhoodFte } }
      neighbourhoodPolicingGuarantee(asAt: "2024-03-31") { neighbourhoodFte } }`;
    const before = (await hub.graphql(WORKFORCE)).body.data!;
    expect(before.kent.workforce).toMatchObject({
      officersFte: 990.5,
      officersHeadcount: 1000,
      neighbourhoodFte: null,
      neighbourhoodOfficersFte: null,
      visibleFrontlineOfficerShare: null,
      byFunction: null,
    });
    expect(before.kent.workforce.coverage[1]).toEqual({
      measure: "NEIGHBOURHOOD_FTE",
      available: false,
      reason:
        "No loaded source gives neighbourhood FTE for this force at 2024-03-31 (the Home Office workforce table by rank has no functions: load ho-workforce-functions)",
    });
    expect(before.neighbourhoodPolicingGuarantee).toBeNull();

    const result = await hub.load("ho-workforce-functions", realData("ho-workforce-functions-2024.csv"));
    expect(result).toMatchObject({
      status: "LOADED",
      rowsLoaded: 6,
      skipped: { "a total row across functions": 1, "British Transport Police: not one of the 43 territorial forces": 1 },
    });
    const after = (await hub.graphql(WORKFORCE)).body.data!;
    // Officers from the table by rank (it has headcount); neighbourhood 500 officers + 150 PCSOs; visible frontline (500 + 800) of 1,600 officers.
    expect(after.kent.workforce).toEqual({
      asAt: "2024-03-31",
      officersFte: 990.5,
      officersHeadcount: 1000,
      neighbourhoodFte: 650,
      neighbourhoodOfficersFte: 500,
      neighbourhoodPcsoFte: 150,
      visibleFrontlineOfficerShare: 1300 / 1600,
      byFunction: [
        { functionName: "Local policing", frontlineStatus: "Visible frontline", officersFte: 1300 },
        { functionName: "Investigations", frontlineStatus: "Non-visible frontline", officersFte: 300 },
      ],
      coverage: ["WORKFORCE_FTE", "NEIGHBOURHOOD_FTE", "FRONTLINE_FTE"].map((measure) => ({ measure, available: true, reason: null })),
    });
    // Surrey has only the functions table: its FTE stands in for the workforce, which gives no headcount.
    expect(after.surrey.workforce).toEqual({ officersFte: 1200.25, officersHeadcount: null, neighbourhoodFte: 1200.25 });
    // Two forces of 43 are no national figure.
    expect(after.neighbourhoodPolicingGuarantee).toBeNull();
  });

  it("reads the Home Office workforce bulletin tables as published (.ods): 122,395.45 FTE officers over the 43 forces at 30 September 2018", async () => {
    const result = await hub.load("ho-workforce-tables", realData("home-office/police-workforce-sep18-tables.ods"));
    expect(result).toMatchObject({ status: "LOADED", rowsRejected: 0, publishedOn: "2019-01-24", publishedOnSource: "file" });
    // Tables 1, 2, 3, 5 and 6, three dates each: 43 forces, 10 regions (Wales, a national name, among them), Total 43 forces,
    // British Transport Police and Total; Central Service Secondments in the officers' table alone; ".." for some forces' designated officers.
    expect(result.skipped).toMatchObject({
      "a regional total row: not one of the 43 territorial forces": 5 * 3 * 9,
      "a national total row: not one of the 43 territorial forces": 5 * 3 * 3,
      "British Transport Police: not one of the 43 territorial forces": 5 * 3,
      "central service secondments (officers seconded to national bodies): not one of the 43 territorial forces": 3,
    });
    const { body } = await hub.graphql(
      `{ forces { id workforce(asAt: "2018-09-30") { asAt officersFte officersHeadcount pcsoFte specialsHeadcount sources { kind publishedOn publishedOnSource } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const forces = body.data!.forces;
    expect(forces.every((force: any) => force.workforce.asAt === "2018-09-30")).toBe(true);
    const officers = forces.reduce((sum: number, force: any) => sum + force.workforce.officersFte, 0);
    expect(Math.round(officers * 100) / 100).toBe(122_395.45);
    const kent = forces.find((force: any) => force.id === "kent").workforce;
    // The bulletin gives officers in FTE only, special constables in headcount only.
    expect(kent).toMatchObject({
      officersHeadcount: null,
      specialsHeadcount: expect.any(Number),
      sources: [{ kind: "ho-workforce-tables", publishedOn: "2019-01-24", publishedOnSource: "file" }],
    });
    expect(kent.officersFte).toBeCloseTo(3333.3082, 4);
  });

  it("flags a partial month of 999 calls in the import, the league table and the comparisons", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "hub-999-")), "calls-999-dorset-2019.csv");
    writeFileSync(
      file,
      [
        "Month,Force,Calls received,Answered in under 10 seconds,Answered in 10 to 60 seconds,Answered in 60 seconds or more,Mean answer time (seconds)",
        "2019-01,Dorset,9200,8900,250,50,4.2",
        "2019-02,Dorset,8400,8150,200,50,4.0",
        "2019-03,Dorset,9100,8800,250,50,4.4",
        "2019-04,Dorset,310,300,10,0,3.9",
      ].join("\n"),
    );
    const note =
      "dorset 2019-04: 310 999 calls received (999 answer times file), under half the median of its 3 other loaded months (9,100): possibly a partial submission";
    expect(await hub.load("calls-999", file)).toMatchObject({ status: "LOADED", qualityWarnings: [note] });
    const { body } = await hub.graphql(`{
      responseTimeLeagueTable(measureId: CALLS_999_ANSWERED_WITHIN_10S_SHARE, from: "2019-01-01", to: "2019-04-30") { force { id } qualityNotes }
      force(id: "dorset") { responseTimes(from: "2019-01-01", to: "2019-04-30") { comparisons(measureIds: [CALLS_999_ANSWERED_WITHIN_10S_SHARE]) { qualityNotes } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.responseTimeLeagueTable).toEqual([{ force: { id: "dorset" }, qualityNotes: [note] }]);
    expect(body.data!.force.responseTimes.comparisons).toEqual([{ qualityNotes: [note] }]);
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
