import { describe, expect, it } from "vitest";
import { suppressSmallCounts } from "../../subgraphs/shared/disclosure/suppress.ts";

const counts = (...pairs: [string, number][]) => pairs.map(([category, count]) => ({ category, count }));
const shown = (cells: ReturnType<typeof suppressSmallCounts>) => cells.map((cell) => [cell.category, cell.count]);

describe("suppressing small counts", () => {
  it("shows every count of 10 or more, and zeros", () => {
    expect(shown(suppressSmallCounts(counts(["White", 120], ["Asian", 10], ["Other", 0])))).toEqual([
      ["White", 120],
      ["Asian", 10],
      ["Other", 0],
    ]);
  });

  it("hides counts of 1 to 9, and a second cell when one alone would be revealed by the total", () => {
    // Total 140: with only Black (3) hidden, 140 − 120 − 17 = 3 would reveal it, so the smallest other non-zero cell (Asian 17) goes too.
    const cells = suppressSmallCounts(counts(["White", 120], ["Asian", 17], ["Black", 3], ["Other", 0]));
    expect(shown(cells)).toEqual([
      ["White", 120],
      ["Asian", null],
      ["Black", null],
      ["Other", 0],
    ]);
    expect(cells.map((cell) => (cell.reason === null ? "shown" : cell.reason.startsWith("fewer") ? "primary" : "secondary"))).toEqual([
      "shown",
      "secondary",
      "primary",
      "shown",
    ]);
  });

  it("needs no secondary suppression when two or more cells are already hidden", () => {
    expect(shown(suppressSmallCounts(counts(["White", 120], ["Asian", 4], ["Black", 9])))).toEqual([
      ["White", 120],
      ["Asian", null],
      ["Black", null],
    ]);
  });
});
