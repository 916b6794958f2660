import type { CoverageUnit } from "../shared/coverage/tile.ts";
import { isoDay } from "../shared/graphql/period.ts";

/** The measures a workforce snapshot is made of, each from the sources able to give it (source_measure). */
export const SNAPSHOT_MEASURES = {
  workforce: { measure: "WORKFORCE_FTE", label: "workforce FTE" },
  neighbourhood: { measure: "NEIGHBOURHOOD_FTE", label: "neighbourhood FTE" },
  frontline: { measure: "FRONTLINE_FTE", label: "frontline status" },
} as const;
export type SnapshotPart = keyof typeof SNAPSHOT_MEASURES;
export const COVERAGE_MEASURES = Object.values(SNAPSHOT_MEASURES).map((part) => part.measure);

/** Coverage units by measure, then force. */
export type WorkforceCoverage = Map<string, Map<string, CoverageUnit[]>>;

/** One batch's figures for one force at one snapshot day. */
export interface SnapshotFacts {
  batchId: number;
  forceId: string;
  asAt: Date;
  officersFte: number;
  /** Null where the table gives FTE only (the functions table). */
  officersHeadcount: number | null;
  staffFte: number;
  pcsoFte: number;
  designatedFte: number;
  specialsHeadcount: number | null;
  totalWorkforceFte: number;
  neighbourhoodFte: number;
  neighbourhoodOfficersFte: number;
  neighbourhoodPcsoFte: number;
  visibleFrontlineOfficersFte: number;
}

/** The unit each part of a force's snapshot is read from; parts no source gives at that day are absent. */
export interface ChosenSnapshot {
  forceId: string;
  asAt: Date;
  units: Partial<Record<SnapshotPart, CoverageUnit>>;
}

/** The latest unit (then the best source, then the later load). */
const best = (units: CoverageUnit[]) =>
  [...units].sort((a, b) => b.periodStart.getTime() - a.periodStart.getTime() || b.precedence - a.precedence || b.batchId - a.batchId)[0];

const unitsOf = (coverage: WorkforceCoverage, part: SnapshotPart, forceId: string) =>
  coverage.get(SNAPSHOT_MEASURES[part].measure)?.get(forceId) ?? [];

/**
 * A force's snapshot as at the latest day some source gives its workforce, on or before the day the
 * coverage was read up to; neighbourhood and frontline figures only from a source giving them for
 * that same day, never from an older snapshot or a table without functions.
 */
export function chooseSnapshot(coverage: WorkforceCoverage, forceId: string): ChosenSnapshot | null {
  const workforce = best(unitsOf(coverage, "workforce", forceId));
  if (!workforce) return null;
  const sameDay = (part: SnapshotPart) =>
    best(unitsOf(coverage, part, forceId).filter((unit) => isoDay(unit.periodStart) === isoDay(workforce.periodStart)));
  return {
    forceId,
    asAt: workforce.periodStart,
    units: { workforce, neighbourhood: sameDay("neighbourhood"), frontline: sameDay("frontline") },
  };
}

/** The latest unit giving one part for a force (the NPG reads neighbourhood FTE on its own). */
export const latestUnit = (coverage: WorkforceCoverage, part: SnapshotPart, forceId: string): CoverageUnit | undefined =>
  best(unitsOf(coverage, part, forceId));

/** Why a part of a snapshot has no figure. */
export const missingReason = (part: SnapshotPart, asAt: Date) =>
  `No loaded source gives ${SNAPSHOT_MEASURES[part].label} for this force at ${isoDay(asAt)}` +
  (part === "workforce" ? "" : " (the Home Office workforce table by rank has no functions: load ho-workforce-functions)");
