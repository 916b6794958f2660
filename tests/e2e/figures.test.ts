import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type RunningHub } from "../support/hub.ts";

type Row = {
  force: { id: string };
  measure: { id: string };
  periodFrom: string;
  periodTo: string;
  value: number | null;
  synthetic: boolean;
  sources: { kind: string }[];
  national: number | null;
  region: number | null;
  mostSimilarGroup: number | null;
  rank: number | null;
  coverage: { complete: boolean; reason: string | null };
};

const ROW =
  "force { id } measure { id } periodFrom periodTo value unit synthetic sources { kind } national region mostSimilarGroup rank forcesRanked coverage { complete reason } qualityNotes";

/** Kent's 999 answering in January 2025, in the published file's columns: one force's figure published, the rest sample. */
function calls999File(): string {
  const file = join(mkdtempSync(join(tmpdir(), "hub-figures-")), "calls-999-2025-01.csv");
  writeFileSync(
    file,
    [
      "Month,Force,Calls received,Answered in under 10 seconds,Answered in 10 to 60 seconds,Answered in 60 seconds or more,Mean answer time (seconds)",
      "2025-01,Kent,10000,9000,900,100,6.5",
    ].join("\n"),
  );
  return file;
}

const decimals = (value: number) => (String(value).split(".")[1] ?? "").length;

describe("the figures API: any measure for any forces as tidy rows, the same figures as each subgraph's comparisons", () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub(undefined, { sample: true });
    expect(await hub.load("calls-999", calls999File())).toMatchObject({ status: "LOADED", rowsLoaded: 1 });
  });
  afterAll(() => hub?.stop());

  const figures = async (args: string) => {
    const { body } = await hub.graphql(`{ figures(${args}) { synthetic measures { id name unit precision } rows { ${ROW} } } }`);
    return body;
  };

  it("lists every measure once, with its definition, precision, sources and the periods it has data for", async () => {
    const { body } = await hub.graphql(`{ __type(name: "MeasureId") { enumValues { name description } }
      measures { id name unit precision direction definition snapshot sourceKinds periods { firstDay lastDay snapshotDates } } }`);
    expect(body.errors).toBeUndefined();
    const ids = body.data!.__type.enumValues.map((value: { name: string }) => value.name);
    expect(body.data!.measures.map((measure: { id: string }) => measure.id)).toEqual(ids);
    expect(ids).toHaveLength(13);
    const byId = new Map(body.data!.measures.map((measure: any) => [measure.id, measure]));
    expect(byId.get("EMERGENCY_ATTENDANCE_P90_MINUTES")).toMatchObject({
      unit: "minutes",
      precision: 2,
      snapshot: false,
      sourceKinds: ["response-incidents", "sample"],
      periods: { firstDay: "2023-04-01", lastDay: "2026-03-31", snapshotDates: [] },
    });
    expect(byId.get("NEIGHBOURHOOD_FTE_PER_1000")).toMatchObject({
      snapshot: true,
      periods: { snapshotDates: ["2023-03-31", "2024-03-31", "2025-03-31"] },
    });
    expect(byId.get("CALLS_999_ANSWERED_WITHIN_10S_SHARE")).toMatchObject({ sourceKinds: ["calls-999", "sample"] });
    for (const measure of body.data!.measures) expect(measure.definition.length).toBeGreaterThan(40);
  });

  it("gives one row per force × month for every force when none are named, each value to its measure's precision", async () => {
    const body = await figures(`measures: [EMERGENCY_ATTENDANCE_P90_MINUTES], from: "2025-04-01", to: "2026-03-31", interval: MONTH`);
    expect(body.errors).toBeUndefined();
    const rows: Row[] = body.data!.figures.rows;
    expect(rows).toHaveLength(43 * 12);
    expect(new Set(rows.map((row) => row.periodFrom)).size).toBe(12);
    expect(rows[0]).toMatchObject({ periodFrom: "2025-04-01", periodTo: "2025-04-30", force: { id: "avon-and-somerset" } });
    for (const row of rows.filter((candidate) => candidate.value !== null)) {
      for (const value of [row.value!, row.national!, row.region!]) expect(decimals(value)).toBeLessThanOrEqual(2);
    }
    expect(
      rows
        .filter((row) => row.periodFrom === "2025-04-01")
        .map((row) => row.rank)
        .sort((a, b) => a! - b!)[0],
    ).toBe(1);
  });

  it("gives each owner's measures the same value, groups and rank as its own comparisons", async () => {
    const { body } = await hub.graphql(`{ force(id: "kent") {
      responseTimes(from: "2025-04-01", to: "2025-06-30") { comparisons(measureIds: [EMERGENCY_ATTENDANCE_P90_MINUTES]) { value national region mostSimilarGroup rank synthetic } }
      crimePriorityMeasures(from: "2025-04-01", to: "2025-06-30") { comparisons(measureIds: [KNIFE_CRIME_RATE_PER_1000]) { value national region mostSimilarGroup rank synthetic } }
      misconductMeasures(from: "2025-04-01", to: "2025-06-30") { comparisons { value national region mostSimilarGroup rank synthetic } }
      workforceComparisons(asAt: "2025-03-31") { measure { id } value national region mostSimilarGroup rank synthetic } } }`);
    expect(body.errors).toBeUndefined();
    const kent = body.data!.force;
    const quarter = await figures(
      `measures: [EMERGENCY_ATTENDANCE_P90_MINUTES, KNIFE_CRIME_RATE_PER_1000, MISCONDUCT_CASES_PER_100_OFFICERS], forces: ["kent"], from: "2025-04-01", to: "2025-06-30", interval: QUARTER`,
    );
    expect(quarter.errors).toBeUndefined();
    const [p90, knife, misconduct] = quarter.data!.figures.rows;
    const pick = ({ value, national, region, mostSimilarGroup, rank, synthetic }: any) => ({
      value,
      national,
      region,
      mostSimilarGroup,
      rank,
      synthetic,
    });
    expect(pick(p90)).toEqual(kent.responseTimes.comparisons[0]);
    expect(pick(knife)).toEqual(kent.crimePriorityMeasures.comparisons[0]);
    expect(pick(misconduct)).toEqual(kent.misconductMeasures.comparisons[0]);
    const snapshot = await figures(
      `measures: [NEIGHBOURHOOD_FTE_PER_1000], forces: ["kent"], from: "2025-03-31", to: "2025-03-31", interval: SNAPSHOT`,
    );
    const neighbourhood = kent.workforceComparisons.find((comparison: any) => comparison.measure.id === "NEIGHBOURHOOD_FTE_PER_1000");
    const { measure: _measure, ...expected } = neighbourhood;
    expect(pick(snapshot.data!.figures.rows[0])).toEqual(expected);
  });

  it("gives a snapshot measure one row per snapshot day, and per year the snapshot within it or null with the reason", async () => {
    const snapshots = await figures(
      `measures: [NEIGHBOURHOOD_FTE_PER_1000], forces: ["kent"], from: "2020-01-01", to: "2026-12-31", interval: SNAPSHOT`,
    );
    expect(snapshots.data!.figures.rows.map((row: Row) => row.periodFrom)).toEqual(["2023-03-31", "2024-03-31", "2025-03-31"]);
    const years = await figures(
      `measures: [NEIGHBOURHOOD_FTE_PER_1000], forces: ["kent"], from: "2024-04-01", to: "2026-03-31", interval: FINANCIAL_YEAR`,
    );
    const [latest, none] = years.data!.figures.rows;
    expect(latest).toMatchObject({
      periodFrom: "2024-04-01",
      periodTo: "2025-03-31",
      value: snapshots.data!.figures.rows[2].value,
      coverage: { complete: true, reason: null },
    });
    expect(none).toMatchObject({
      periodFrom: "2025-04-01",
      value: null,
      synthetic: false,
      sources: [],
      coverage: { complete: false, reason: "No workforce snapshot from this force within the period" },
    });
  });

  it("tells a published row from a synthetic one and flags the table when any shown value is synthetic", async () => {
    const body = await figures(
      `measures: [CALLS_999_ANSWERED_WITHIN_10S_SHARE], forces: ["kent", "dorset"], from: "2025-01-01", to: "2025-01-31", interval: MONTH`,
    );
    const [dorset, kent] = body.data!.figures.rows.sort((a: Row, b: Row) => a.force.id.localeCompare(b.force.id));
    expect(kent).toMatchObject({ value: 0.9, synthetic: false, sources: [{ kind: "calls-999" }] });
    expect(dorset).toMatchObject({ synthetic: true, sources: [{ kind: "sample" }] });
    expect(body.data!.figures.synthetic).toBe(true);
  });

  it("refuses what it cannot answer with BAD_USER_INPUT and the reason", async () => {
    const cases: [string, RegExp][] = [
      [
        `measures: [KNIFE_CRIME_RATE_PER_1000], from: "2025-04-01", to: "2026-03-31", interval: SNAPSHOT`,
        /SNAPSHOT applies to snapshot measures/,
      ],
      [
        `measures: [KNIFE_CRIME_RATE_PER_1000], forces: ["kent", "atlantis"], from: "2025-04-01", to: "2026-03-31", interval: MONTH`,
        /unknown force "atlantis"/,
      ],
      [
        `measures: [KNIFE_CRIME_RATE_PER_1000], from: "2025-05-01", to: "2026-03-31", interval: FINANCIAL_YEAR`,
        /no whole financial year lies within 2025-05-01 to 2026-03-31/,
      ],
      [
        `measures: [KNIFE_CRIME_RATE_PER_1000, VAWG_RATE_PER_1000, CSA_RATE_PER_1000, VAWG_CHARGE_RATE, OFFICERS_PER_1000], from: "2015-04-01", to: "2025-03-31", interval: MONTH`,
        /the table would have 25,800 rows; at most 25,000/,
      ],
      [`measures: [], from: "2025-04-01", to: "2026-03-31", interval: MONTH`, /name at least one measure/],
    ];
    for (const [args, message] of cases) {
      const body = await figures(args);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: "BAD_USER_INPUT" } });
    }
  });

  it("keeps the deprecated string arguments working for a release, and refuses both forms at once", async () => {
    const { body } =
      await hub.graphql(`{ responseTimeLeagueTable(measure: "EMERGENCY_ATTENDANCE_P90_MINUTES", from: "2025-04-01", to: "2026-03-31") { rank }
      force(id: "kent") { responseTimes(from: "2025-04-01", to: "2026-03-31") { comparisons(measures: ["EMERGENCY_ATTENDANCE_P90_MINUTES"]) { value } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.responseTimeLeagueTable).toHaveLength(43);
    const both = await hub.graphql(
      `{ force(id: "kent") { responseTimes(from: "2025-04-01", to: "2026-03-31") { comparisons(measures: ["EMERGENCY_ATTENDANCE_P90_MINUTES"], measureIds: [EMERGENCY_ATTENDANCE_P90_MINUTES]) { value } } } }`,
    );
    expect(both.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not both/), extensions: { code: "BAD_USER_INPUT" } });
    const deprecated = await hub.graphql(
      `{ __type(name: "Query") { fields { name args(includeDeprecated: true) { name isDeprecated } } } }`,
    );
    const leagueTable = deprecated.body.data!.__type.fields.find((field: any) => field.name === "responseTimeLeagueTable");
    expect(leagueTable.args.filter((arg: any) => arg.isDeprecated).map((arg: any) => arg.name)).toEqual(["measure"]);
  });
});
