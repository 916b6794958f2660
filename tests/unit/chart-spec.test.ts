import { describe, expect, it } from "vitest";
import { tableOf } from "../../gateway/answer-table/answer-table.ts";
import { chartSpec } from "../../gateway/explorer/src/chart-spec.ts";

describe("the chart for a table", () => {
  it("draws a bar per force of the first measure, ranks and counts not being measures", () => {
    const table = tableOf({ entries: [{ rank: 1, value: 9.5, force: { id: "kent", name: "Kent Police" } }, { rank: 2, value: null, force: { id: "essex", name: "Essex Police" } }] }, "entries");
    expect(chartSpec(table)).toEqual({ kind: "bar", x: table.columns.indexOf("force.name"), y: table.columns.indexOf("value"), references: [], rowsWithoutValue: 1 });
  });

  it("draws months as a line with national and most-similar-group values as reference rules", () => {
    const data = { comparisons: [{ measure: { name: "P90" }, national: 21.7, mostSimilarGroup: 20.9, monthly: [{ month: "2025-04-01", value: 21.5 }, { month: "2025-05-01", value: 24 }] }] };
    const table = tableOf(data, "comparisons.monthly");
    const spec = chartSpec(table, "monthly.value");
    expect(spec).toMatchObject({ kind: "line", x: table.columns.indexOf("monthly.month"), y: table.columns.indexOf("monthly.value"), series: undefined });
    expect("references" in spec && spec.references).toEqual([
      { column: table.columns.indexOf("national"), label: "National", constant: 21.7 },
      { column: table.columns.indexOf("mostSimilarGroup"), label: "Most similar group", constant: 20.9 },
    ]);
  });

  it("says why there is no chart when there is nothing numeric", () => {
    expect(chartSpec(tableOf({ forces: [{ id: "kent", name: "Kent Police" }] }, "forces"))).toEqual({ reason: "The table has no column of numbers to chart." });
  });
});
