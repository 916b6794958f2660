import { describe, expect, it } from "vitest";
import { implausibleMonths, type MonthlyTotal } from "../../../subgraphs/shared/ingest/plausibility.ts";

const month = (forceId: string, month: string, count: number, batchId = 1): MonthlyTotal => ({ forceId, month, count, batchId });

describe("implausibleMonths", () => {
  it("flags a month under half the force's median of its other months, and only that one", () => {
    // Dyfed-Powys on data.police.uk: about 2,400 crimes a month, then 43 in March 2024.
    const totals = [
      month("dyfed-powys", "2024-01-01", 2_380),
      month("dyfed-powys", "2024-02-01", 2_412),
      month("dyfed-powys", "2024-03-01", 43),
      month("dyfed-powys", "2024-04-01", 2_350),
    ];
    expect(implausibleMonths(totals, "recorded offences")).toEqual([
      {
        forceId: "dyfed-powys",
        month: "2024-03-01",
        count: 43,
        batchId: 1,
        expected: 2_380,
        basis: "median of the force's other months",
        note: "dyfed-powys 2024-03: 43 recorded offences, under half the median of its 3 other loaded months (2,380): possibly a partial submission",
      },
    ]);
  });

  it("keeps a month at half the median or more", () => {
    expect(implausibleMonths([month("kent", "2024-01-01", 1_000), month("kent", "2024-02-01", 500)], "crimes")).toEqual([]);
  });

  it("judges a force's only month by what its population implies at the other forces' rate that month", () => {
    // Kent 1,727,665 and Surrey 1,132,390 residents (2011 census): Surrey's rate implies about 15,256 for Kent.
    const totals = [month("kent", "2024-03-01", 5_000), month("surrey", "2024-03-01", 10_000)];
    const [flagged] = implausibleMonths(totals, "recorded offences");
    expect(flagged).toMatchObject({ forceId: "kent", basis: "national rate × population" });
    expect(flagged.expected).toBeCloseTo((10_000 / 1_132_390) * 1_727_665, 6);
    // A force alone in its only month has nothing to be judged against.
    expect(implausibleMonths([month("kent", "2024-03-01", 5)], "crimes")).toEqual([]);
  });
});
