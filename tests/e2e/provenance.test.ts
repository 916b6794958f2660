import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken, startHub, type RunningHub } from "../support/hub.ts";

/** 999 answering for Kent and Surrey in January 2025, in the 999 file's columns. */
function calls999File(): string {
  const file = join(mkdtempSync(join(tmpdir(), "hub-provenance-")), "calls-999-2025-01.csv");
  writeFileSync(
    file,
    [
      "Month,Force,Calls received,Answered in under 10 seconds,Answered in 10 to 60 seconds,Answered in 60 seconds or more,Mean answer time (seconds)",
      "2025-01,Kent,10000,9000,900,100,6.5",
      "2025-01,Surrey Police,5000,4000,950,50,8.1",
    ].join("\n"),
  );
  return file;
}

/** The sample for every force, then a real 999 file for Kent and Surrey in January 2025: ranks mix sample and published figures. */
describe("provenance in league tables and comparisons: a synthetic figure can be told from a published one", () => {
  let hub: RunningHub;
  let token = "";
  beforeAll(async () => {
    hub = await startHub(undefined, { sample: true });
    token = await mintToken({ role: "HOME_OFFICE" });
    expect(await hub.load("calls-999", calls999File())).toMatchObject({ status: "LOADED", rowsLoaded: 2 });
  });
  afterAll(() => hub?.stop());

  it("says which league table entries rest on the synthetic sample, with their sources", async () => {
    const { body } = await hub.graphql(
      `{ responseTimeLeagueTable(measureId: CALLS_999_ANSWERED_WITHIN_10S_SHARE, from: "2025-01-01", to: "2025-01-31") {
      force { id } rank synthetic sources { kind synthetic } } }`,
      undefined,
      token,
    );
    expect(body.errors).toBeUndefined();
    const entries = new Map(body.data!.responseTimeLeagueTable.map((entry: any) => [entry.force.id, entry]));
    expect(entries.size).toBe(43);
    expect(entries.get("kent")).toMatchObject({ synthetic: false, sources: [{ kind: "calls-999", synthetic: false }] });
    expect(entries.get("surrey")).toMatchObject({ synthetic: false, sources: [{ kind: "calls-999", synthetic: false }] });
    expect(entries.get("dorset")).toMatchObject({ synthetic: true, sources: [{ kind: "sample", synthetic: true }] });
    expect([...entries.values()].filter((entry: any) => entry.synthetic)).toHaveLength(41);
  });

  it("carries the force's sources and whether they are synthetic on every comparison", async () => {
    const { body } = await hub.graphql(
      `{
      kent: force(id: "kent") { responseTimes(from: "2025-01-01", to: "2025-01-31") {
        comparisons(measureIds: [CALLS_999_ANSWERED_WITHIN_10S_SHARE, EMERGENCY_WITHIN_STANDARD_SHARE]) { measure { id } synthetic sources { kind } } } }
      dorset: force(id: "dorset") {
        crimePriorityMeasures(from: "2025-04-01", to: "2026-03-31") { comparisons(measureIds: [KNIFE_CRIME_RATE_PER_1000]) { synthetic sources { kind } } }
        workforceComparisons(asAt: "2025-03-31") { measure { id } synthetic sources { kind } }
        misconductMeasures(from: "2025-04-01", to: "2026-03-31") { comparisons { synthetic sources { kind } } }
      }
    }`,
      undefined,
      token,
    );
    expect(body.errors).toBeUndefined();
    // Kent's 999 figure is the loaded file's; its attendance is still the sample's.
    expect(body.data!.kent.responseTimes.comparisons).toEqual([
      { measure: { id: "CALLS_999_ANSWERED_WITHIN_10S_SHARE" }, synthetic: false, sources: [{ kind: "calls-999" }] },
      { measure: { id: "EMERGENCY_WITHIN_STANDARD_SHARE" }, synthetic: true, sources: [{ kind: "sample" }] },
    ]);
    const dorset = body.data!.dorset;
    expect(dorset.crimePriorityMeasures.comparisons).toEqual([{ synthetic: true, sources: [{ kind: "sample" }] }]);
    expect(
      dorset.workforceComparisons.every(
        (comparison: any) => comparison.synthetic && comparison.sources.every((source: any) => source.kind === "sample"),
      ),
    ).toBe(true);
    expect(dorset.misconductMeasures.comparisons.every((comparison: any) => comparison.synthetic)).toBe(true);
  });

  it("serves every value of a comparison to its measure's precision: no float noise", async () => {
    const { body } = await hub.graphql(
      `{ forces { responseTimes(from: "2025-04-01", to: "2026-03-31") {
      comparisons { measure { id precision } value national region mostSimilarGroup differenceFromNational yearEarlier monthly { value } } } } }`,
      undefined,
      token,
    );
    expect(body.errors).toBeUndefined();
    const decimals = (value: number) => (String(value).split(".")[1] ?? "").length;
    let checked = 0;
    for (const force of body.data!.forces) {
      for (const { measure, monthly, ...values } of force.responseTimes.comparisons) {
        for (const value of [...Object.values(values), ...monthly.map((month: { value: number | null }) => month.value)]) {
          if (typeof value !== "number") continue;
          expect(decimals(value), `${measure.id} ${value}`).toBeLessThanOrEqual(measure.precision);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(43 * 5 * 12);
  });
});
