import { describe, expect, it } from "vitest";
import { tableOf } from "../../gateway/answer-table/answer-table.ts";
import { chartSpec } from "../../gateway/explorer/src/chart-spec.ts";

describe("the chart for a table", () => {
  it("draws a bar per force of the first measure, ranks and counts not being measures", () => {
    const table = tableOf(
      {
        entries: [
          { rank: 1, value: 9.5, force: { id: "kent", name: "Kent Police" } },
          { rank: 2, value: null, force: { id: "essex", name: "Essex Police" } },
        ],
      },
      "entries",
    );
    expect(chartSpec(table)).toEqual({
      kind: "bar",
      title: "value",
      x: table.columns.indexOf("force.name"),
      y: table.columns.indexOf("value"),
      references: [],
      rowsWithoutValue: 1,
    });
  });

  it("draws months as a line with national and most-similar-group values as reference rules", () => {
    const data = {
      comparisons: [
        {
          measure: { name: "P90" },
          national: 21.7,
          mostSimilarGroup: 20.9,
          monthly: [
            { month: "2025-04-01", value: 21.5 },
            { month: "2025-05-01", value: 24 },
          ],
        },
      ],
    };
    const table = tableOf(data, "comparisons.monthly");
    const spec = chartSpec(table, "monthly.value");
    expect(spec).toMatchObject({
      kind: "line",
      x: table.columns.indexOf("monthly.month"),
      y: table.columns.indexOf("monthly.value"),
      series: undefined,
    });
    expect("references" in spec && spec.references).toEqual([
      { column: table.columns.indexOf("mostSimilarGroup"), label: "Most similar group", constant: 20.9 },
      { column: table.columns.indexOf("national"), label: "National", constant: 21.7 },
    ]);
  });

  it("titles a force's series with the measure, its unit and the force, and labels every reference, region included", () => {
    const data = {
      force: {
        name: "Kent Police",
        comparisons: [
          {
            measure: { name: "P90 attendance", unit: "minutes" },
            national: 21.7,
            region: 22.1,
            mostSimilarGroup: 20.9,
            monthly: [{ month: "2025-04-01", value: 21.5 }],
          },
        ],
      },
    };
    const spec = chartSpec(tableOf(data, "force.comparisons.monthly"), "monthly.value");
    expect(spec).toMatchObject({ kind: "line", title: "P90 attendance (minutes)", unit: "minutes" });
    expect("references" in spec && spec.references.map((reference) => reference.label)).toEqual([
      "Region",
      "Most similar group",
      "National",
    ]);
  });

  it("draws one force's comparison as labelled bars: the force, its region, its most similar group and national", () => {
    const data = {
      force: {
        name: "Kent Police",
        crimePriorityMeasures: {
          comparisons: [
            {
              measure: { name: "Knife crime rate", unit: "offences per 1,000 residents" },
              value: 0.553,
              region: 0.61,
              mostSimilarGroup: 0.58,
              national: 0.79,
            },
          ],
        },
      },
    };
    const spec = chartSpec(tableOf(data, "force.crimePriorityMeasures.comparisons"), "value");
    expect(spec).toMatchObject({
      kind: "comparison",
      title: "Knife crime rate (offences per 1,000 residents)",
      bars: [
        { label: "Force", value: 0.553 },
        { label: "Region", value: 0.61 },
        { label: "Most similar group", value: 0.58 },
        { label: "National", value: 0.79 },
      ],
    });
  });

  it("says why there is no chart when there is nothing numeric", () => {
    expect(chartSpec(tableOf({ forces: [{ id: "kent", name: "Kent Police" }] }, "forces"))).toEqual({
      reason: "The table has no column of numbers to chart.",
    });
  });
});
