import type { NeighbourhoodGuaranteeProgress } from "./schema/neighbourhood-guarantee.ts";

export interface GuaranteeTarget {
  baselineOn: Date;
  baselineFte: number;
  targetOn: Date;
  targetFte: number;
}

/** The straight line from baseline to target, read at a date; null before the baseline. */
export function trajectoryAt(target: GuaranteeTarget, day: Date): number | null {
  if (day < target.baselineOn) return null;
  const elapsed = Math.min(1, (day.getTime() - target.baselineOn.getTime()) / (target.targetOn.getTime() - target.baselineOn.getTime()));
  return target.baselineFte + (target.targetFte - target.baselineFte) * elapsed;
}

export function progress(target: GuaranteeTarget, asAt: Date, neighbourhoodFte: number): NeighbourhoodGuaranteeProgress {
  const trajectoryFte = trajectoryAt(target, asAt);
  return {
    ...target,
    asAt,
    neighbourhoodFte,
    changeSinceBaselineFte: neighbourhoodFte - target.baselineFte,
    trajectoryFte,
    gapToTrajectoryFte: trajectoryFte === null ? null : neighbourhoodFte - trajectoryFte,
    onTrajectory: trajectoryFte === null ? null : neighbourhoodFte >= trajectoryFte - 0.005,
  };
}

/** A force's share of the national target, pro rata to its baseline. */
export function forceTarget(national: GuaranteeTarget, forceBaselineFte: number): GuaranteeTarget {
  return { ...national, baselineFte: forceBaselineFte, targetFte: national.baselineFte > 0 ? (national.targetFte * forceBaselineFte) / national.baselineFte : 0 };
}
