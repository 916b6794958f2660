import { describe, expect, it } from "vitest";
import { forceTarget, progress, trajectoryAt } from "../../subgraphs/workforce/neighbourhood-guarantee.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NATIONAL = { baselineOn: day("2025-03-31"), baselineFte: 17_175, targetOn: day("2029-03-31"), targetFte: 30_175 };

describe("the Neighbourhood Policing Guarantee trajectory", () => {
  it("runs in a straight line from baseline to target, leap days included", () => {
    // 31 Mar 2025 to 31 Mar 2027 is 730 days of the 1,461 to 31 Mar 2029 (2028 is a leap year): 17,175 + 13,000 × 730 / 1,461.
    expect(trajectoryAt(NATIONAL, day("2027-03-31"))).toBeCloseTo(17_175 + (13_000 * 730) / 1461, 4);
    expect(trajectoryAt(NATIONAL, day("2029-03-31"))).toBe(30_175);
    expect(trajectoryAt(NATIONAL, day("2030-01-01"))).toBe(30_175);
    expect(trajectoryAt(NATIONAL, day("2025-01-01"))).toBeNull();
  });

  it("says whether a figure is on the trajectory and by how much it is behind", () => {
    // At 30 Sep 2025 (183 of 1,461 days) the line stands at 17,175 + 13,000 × 183 / 1,461 = 18,803.34; the first six months added 2,383.
    const result = progress(NATIONAL, day("2025-09-30"), 17_175 + 2_383);
    expect(result.trajectoryFte).toBeCloseTo(17_175 + (13_000 * 183) / 1461, 4);
    expect(result.gapToTrajectoryFte).toBeCloseTo(2_383 - (13_000 * 183) / 1461, 4);
    expect(result.onTrajectory).toBe(true);
    expect(progress(NATIONAL, day("2027-03-31"), 20_000).onTrajectory).toBe(false);
  });

  it("shares the national target among forces pro rata to their baselines", () => {
    // A force with 1% of the baseline (171.75 FTE) is asked for 1% of the target: 301.75.
    expect(forceTarget(NATIONAL, 171.75).targetFte).toBeCloseTo(301.75, 9);
  });
});
