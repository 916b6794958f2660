import { financialYearOf, shiftYears, type Period } from "../shared/graphql/period.ts";
import type { ForcePopulation } from "../shared/graphql/force-population.ts";
import { compareMeasure, type ComparisonOptions, type Measure } from "../shared/measures/compare.ts";
import type { MeasureComparison } from "../shared/measures/measure-types.ts";
import { populationsFor, type PopulationBasis } from "../shared/measures/population.ts";
import type { SnapshotRow, WorkforceContext } from "./loaders.ts";
import type { WorkforceFigures } from "./measures.ts";
import { SNAPSHOT_MEASURES, type SnapshotPart } from "./snapshots.ts";

/** What the forces subgraph sends with a force for comparisons (through @requires). */
export interface ComparisonForce {
  id: string;
  regionForceIds?: string[];
  mostSimilarGroupForceIds?: string[];
  forcePopulations?: ForcePopulation[];
}

function withPopulations(snapshots: Map<string, SnapshotRow>, populations: Map<string, PopulationBasis>): Map<string, WorkforceFigures> {
  const figures = new Map<string, WorkforceFigures>();
  for (const [forceId, row] of snapshots) {
    const population = populations.get(forceId)?.population;
    if (population) {
      const { officersFte, visibleFrontlineOfficersFte, frontlineOfficersFte, neighbourhoodFte } = row;
      figures.set(forceId, { population, officersFte, visibleFrontlineOfficersFte, frontlineOfficersFte, neighbourhoodFte });
    }
  }
  return figures;
}

/** Snapshots taken on or after a day: a table's period holds only the snapshots within it. */
const takenSince = (snapshots: Map<string, SnapshotRow>, day: Date | undefined) =>
  day ? new Map([...snapshots].filter(([, row]) => row.asAt >= day)) : snapshots;

export interface SnapshotComparisonOptions extends ComparisonOptions {
  /** Only snapshots within this period count (a table's column); by default the latest on or before the day, however old. */
  within?: Period;
}

/**
 * The force's value of a workforce measure at its latest snapshot on or before `asAt`, against its
 * groups, with the snapshot a year earlier unless `series` is false.
 */
export async function compareWorkforceMeasure(
  [measure, part]: [Measure<WorkforceFigures>, SnapshotPart],
  force: ComparisonForce,
  asAt: Date,
  loaders: ReturnType<WorkforceContext["loaders"]>,
  { groupForceIds = [], series = true, within }: SnapshotComparisonOptions = {},
): Promise<MeasureComparison> {
  // A snapshot divides by the populations of the financial year it falls in (31 March 2025: 2024/25, mid-2024).
  const populations = populationsFor(force.forcePopulations, financialYearOf(asAt));
  const now = takenSince(await loaders.allSnapshots(asAt), within?.from);
  const yearBefore = series ? await loaders.allSnapshots(shiftYears(asAt, -1)) : new Map<string, SnapshotRow>();
  const snapshot = now.get(force.id);
  return compareMeasure(measure, {
    sources: await loaders.batchSources(snapshot?.units[part] ? [snapshot.units[part].batchId] : []),
    unavailableReason: snapshot
      ? (snapshot.coverage.find((entry) => entry.measure === SNAPSHOT_MEASURES[part].measure)?.reason ?? undefined)
      : within && "No workforce snapshot from this force within the period",
    forceId: force.id,
    figures: withPopulations(now, populations),
    yearEarlierFigures: withPopulations(yearBefore, populationsFor(force.forcePopulations, financialYearOf(asAt) - 1)),
    populations,
    regionForceIds: force.regionForceIds ?? [],
    mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
    groupForceIds,
    monthly: [],
  });
}
