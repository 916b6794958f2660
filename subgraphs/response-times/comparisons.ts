import { isoDay, monthsStartingWithin, yearEarlier, type Period } from "../shared/graphql/period.ts";
import { comparisonNotes } from "../shared/ingest/plausibility.ts";
import { compareMeasure, type ComparisonOptions } from "../shared/measures/compare.ts";
import type { MeasureComparison } from "../shared/measures/measure-types.ts";
import type { ResponseTimesContext } from "./loaders.ts";
import { monthlySeries, type Sourced } from "./measure-figures.ts";

/** A force with the groups it is compared with (the forces subgraph's ids). */
export interface ComparisonForce {
  id: string;
  regionForceIds: string[];
  mostSimilarGroupForceIds: string[];
}

/** The force's value of a response-time measure against its groups; tables of figures leave out the monthly series and the year earlier (`series: false`). */
export async function compareResponseMeasure<F>(
  sourced: Sourced<F>,
  force: ComparisonForce,
  period: Period,
  { loaders }: ResponseTimesContext,
  { groupForceIds = [], series = true }: ComparisonOptions = {},
): Promise<MeasureComparison> {
  const figures = await sourced.period(loaders, period);
  const months = new Set(monthsStartingWithin(period).map(isoDay));
  return compareMeasure(sourced.measure, {
    forceId: force.id,
    figures,
    yearEarlierFigures: series ? await sourced.period(loaders, yearEarlier(period)) : new Map<string, F>(),
    regionForceIds: force.regionForceIds,
    mostSimilarGroupForceIds: force.mostSimilarGroupForceIds,
    groupForceIds,
    monthly: series ? await monthlySeries(sourced, loaders, period, force.id) : [],
    unavailableReason: (await loaders.forceCoverage(period, sourced.coverage, force.id)).reason ?? undefined,
    qualityNotes: comparisonNotes(await loaders.implausibleMonths(period, sourced.check), force.id, months, figures.keys()),
    sources: await loaders.measureSources(period, sourced.coverage, force.id),
  });
}
