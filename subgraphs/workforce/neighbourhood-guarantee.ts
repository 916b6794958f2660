import { FTE_PLACES, roundTo } from "../shared/measures/compare.ts";
import type { NeighbourhoodGuaranteeProgress } from "./schema/neighbourhood-guarantee.ts";

const fte = (value: number) => roundTo(value, FTE_PLACES)!;
const fteOrNull = (value: number | null) => roundTo(value, FTE_PLACES);

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
  return fte(target.baselineFte + (target.targetFte - target.baselineFte) * elapsed);
}

export function progress(target: GuaranteeTarget, asAt: Date, neighbourhoodFte: number): NeighbourhoodGuaranteeProgress {
  const trajectoryFte = trajectoryAt(target, asAt);
  return {
    ...target,
    asAt,
    neighbourhoodFte: fte(neighbourhoodFte),
    changeSinceBaselineFte: fte(neighbourhoodFte - target.baselineFte),
    trajectoryFte,
    gapToTrajectoryFte: fteOrNull(trajectoryFte === null ? null : neighbourhoodFte - trajectoryFte),
    onTrajectory: trajectoryFte === null ? null : neighbourhoodFte >= trajectoryFte - 0.005,
  };
}

/** A force's share of the national target, pro rata to its baseline. */
export function forceTarget(national: GuaranteeTarget, forceBaselineFte: number): GuaranteeTarget {
  return {
    ...national,
    baselineFte: forceBaselineFte,
    targetFte: national.baselineFte > 0 ? fte((national.targetFte * forceBaselineFte) / national.baselineFte) : 0,
  };
}
