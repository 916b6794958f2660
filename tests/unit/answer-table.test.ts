import { describe, expect, it } from "vitest";
import { allLists, NoSuchListError, outermostLists, tableOf, toCsv } from "../../gateway/answer-table/answer-table.ts";

const answer = {
  national: { value: 12.5 },
  forces: [
    {
      id: "kent",
      name: "Kent Police",
      knifeCrime: { offences: 2428, coverage: { monthsCovered: 12 }, sources: [{ kind: "ons-knife" }, { kind: "sample" }] },
      monthly: [
        { month: "2025-01-01", minutes: 11.2 },
        { month: "2025-02-01", minutes: null },
      ],
    },
    { id: "durham", name: 'Durham, "the" force', knifeCrime: { offences: null, coverage: { monthsCovered: 0 }, sources: [] }, monthly: [] },
  ],
};

describe("an answer as a table", () => {
  it("names the outermost lists, and every list for expansion", () => {
    expect(outermostLists(answer)).toEqual(["forces"]);
    expect(allLists(answer)).toEqual(["forces", "forces.knifeCrime.sources", "forces.monthly"]);
    expect(outermostLists({ force: { name: "Kent" } })).toEqual([]);
  });

  it("makes a row per element, columns by field path, numbers as numbers, nulls empty, inner lists joined", () => {
    const table = tableOf(answer, "forces");
    expect(table.columns).toEqual([
      "id",
      "name",
      "knifeCrime.offences",
      "knifeCrime.coverage.monthsCovered",
      "knifeCrime.sources.kind",
      "monthly.month",
      "monthly.minutes",
    ]);
    expect(table.rows).toEqual([
      ["kent", "Kent Police", 2428, 12, "ons-knife; sample", "2025-01-01; 2025-02-01", "11.2; "],
      ["durham", 'Durham, "the" force', null, 0, null, null, null],
    ]);
  });

  it("expands a nested list into a row per inner element, the outer element's fields repeated", () => {
    const table = tableOf(answer, "forces.monthly");
    expect(table.columns).toEqual([
      "id",
      "name",
      "knifeCrime.offences",
      "knifeCrime.coverage.monthsCovered",
      "knifeCrime.sources.kind",
      "monthly.month",
      "monthly.minutes",
    ]);
    expect(table.rows.map((row) => [row[0], row[5], row[6]])).toEqual([
      ["kent", "2025-01-01", 11.2],
      ["kent", "2025-02-01", null],
      ["durham", null, null],
    ]);
  });

  it("writes RFC 4180 CSV", () => {
    expect(
      toCsv({
        list: "x",
        columns: ["id", "name", "n"],
        rows: [
          ["a", 'say "hi", then\ngo', 1.5],
          ["b", null, 0],
        ],
      }),
    ).toBe('id,name,n\r\na,"say ""hi"", then\ngo",1.5\r\nb,,0\r\n');
  });

  it("refuses a list the answer does not have", () => {
    expect(() => tableOf(answer, "regions")).toThrow(NoSuchListError);
  });
});
