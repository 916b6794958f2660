import { badArgument } from "../../../shared/graphql/errors.ts";
import type { ForceOfficerStrength } from "../graphql/force-officer-strength.ts";
import type { ForcePopulation } from "../graphql/force-population.ts";
import type { Period } from "../graphql/period.ts";
import type { MeasureComparison } from "../measures/measure-types.ts";
import { parseFigureTableId, type FigureRequest } from "./figure-request.ts";
import type { MeasureFigure, ForceGroups } from "./figure-types.ts";
import { Interval, periodsOf } from "./interval.ts";
import type { MeasureId } from "./measure-id.ts";

/** The FigureTable reference an owner receives: the key, and the fields it @requires. */
export interface FigureTableReference {
  id: string;
  forceGroups: ForceGroups[];
  forcePopulations: ForcePopulation[];
  forceOfficerStrengths?: ForceOfficerStrength[];
}

/** A force as the owners' comparison functions take it (the shape @requires gives on Force). */
export interface TableForce {
  id: string;
  regionForceIds: string[];
  mostSimilarGroupForceIds: string[];
  forcePopulations: ForcePopulation[];
  forceOfficerStrengths?: ForceOfficerStrength[];
}

/** Periods of a measure counted over months: SNAPSHOT does not apply to them. */
export function monthPeriods(request: FigureRequest, measureId: string): Period[] {
  if (request.interval === Interval.SNAPSHOT)
    throw badArgument(
      "interval",
      `SNAPSHOT applies to snapshot measures (the workforce's); ${measureId} is counted over months: choose MONTH, QUARTER, FINANCIAL_YEAR, CALENDAR_YEAR or WHOLE_PERIOD`,
    );
  return periodsOf(request.interval, request.span);
}

function toFigure(comparison: MeasureComparison, forceId: string, measureId: MeasureId, period: Period): MeasureFigure {
  return {
    forceId,
    measureId,
    periodFrom: period.from,
    periodTo: period.to,
    value: comparison.value,
    unit: comparison.measure.unit,
    coverage: { complete: !!comparison.covered, reason: comparison.unavailableReason },
    synthetic: comparison.synthetic,
    sources: comparison.sources,
    qualityNotes: comparison.qualityNotes,
    national: comparison.national,
    region: comparison.region,
    mostSimilarGroup: comparison.mostSimilarGroup,
    rank: comparison.rank,
    forcesRanked: comparison.forcesRanked,
    populationBasis: comparison.populationBasis,
  };
}

/** How an owner values its measures: the same function its per-force comparisons use, without the monthly series. */
export interface FigureOwner<M> {
  measures: M[];
  periods(request: FigureRequest, measure: M): Promise<Period[]> | Period[];
  compare(measure: M, force: TableForce, period: Period): Promise<MeasureComparison>;
}

/** The owner's rows of a table: its measures asked for × periods × forces asked for, in that order. */
export async function figureRows<M extends { id: string }>(table: FigureTableReference, owner: FigureOwner<M>): Promise<MeasureFigure[]> {
  const request = parseFigureTableId(table.id);
  const forces: TableForce[] = table.forceGroups.map((groups) => ({
    id: groups.forceId,
    regionForceIds: groups.regionForceIds,
    mostSimilarGroupForceIds: groups.mostSimilarGroupForceIds,
    forcePopulations: table.forcePopulations,
    forceOfficerStrengths: table.forceOfficerStrengths,
  }));
  const rows: MeasureFigure[] = [];
  for (const measureId of request.measureIds) {
    const measure = owner.measures.find((candidate) => candidate.id === measureId);
    if (!measure) continue;
    for (const period of await owner.periods(request, measure)) {
      const comparisons = await Promise.all(forces.map((force) => owner.compare(measure, force, period)));
      rows.push(...comparisons.map((comparison, index) => toFigure(comparison, forces[index].id, measureId, period)));
    }
  }
  return rows;
}
