import type { ForcePopulation } from "../shared/graphql/force-population.ts";
import { populationsFor, type PopulationBasis } from "../shared/measures/population.ts";
import { yearEarlier, type Period } from "../shared/graphql/period.ts";
import { compareMeasure, type ComparisonOptions } from "../shared/measures/compare.ts";
import type { MeasureComparison } from "../shared/measures/measure-types.ts";
import { completeCounts, qualityNotesOf, type ForceCrimeCounts } from "./figures.ts";
import { STREET_MONTHS } from "./plausibility.ts";
import { withOthers, type ImplausibleMonth } from "../shared/ingest/plausibility.ts";
import type { CrimePrioritiesContext } from "./loaders.ts";
import type { CrimeFigures, CrimeMeasure } from "./measures.ts";

/** What the forces subgraph sends with a force for comparisons (through @requires). */
export interface ComparisonForce {
  id: string;
  regionForceIds?: string[];
  mostSimilarGroupForceIds?: string[];
  forcePopulations?: ForcePopulation[];
}

function withPopulation(counts: ForceCrimeCounts, populations: Map<string, PopulationBasis>): CrimeFigures | undefined {
  const population = populations.get(counts.forceId)?.population;
  return population ? { ...completeCounts(counts), population } : undefined;
}

function withPopulations(rows: Map<string, ForceCrimeCounts>, populations: Map<string, PopulationBasis>): Map<string, CrimeFigures> {
  const figures = new Map<string, CrimeFigures>();
  for (const [forceId, counts] of rows) {
    const withPeople = withPopulation(counts, populations);
    if (withPeople) figures.set(forceId, withPeople);
  }
  return figures;
}

/**
 * The force's value of a crime measure against its groups. Tables of figures leave out the monthly
 * series and the year earlier (`series: false`); the value and group values are the same.
 */
export async function compareCrimeMeasure(
  measure: CrimeMeasure,
  force: ComparisonForce,
  period: Period,
  { loaders }: CrimePrioritiesContext,
  { groupForceIds = [], series = true }: ComparisonOptions = {},
): Promise<MeasureComparison> {
  // Each period divides by the populations of the year it starts in; the monthly series by the period's.
  const populations = populationsFor(force.forcePopulations, period.from.getUTCFullYear());
  const counts = await loaders.figures(period);
  const monthly = series ? await loaders.monthlyFigures(period, force.id) : [];
  const earlier = series ? await loaders.figures(yearEarlier(period)) : new Map<string, ForceCrimeCounts>();
  return compareMeasure(measure, {
    forceId: force.id,
    figures: withPopulations(counts, populations),
    yearEarlierFigures: withPopulations(earlier, populationsFor(force.forcePopulations, period.from.getUTCFullYear() - 1)),
    populations,
    regionForceIds: force.regionForceIds ?? [],
    mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
    groupForceIds,
    monthly: monthly.map(({ month, counts: monthCounts }) => ({ month, figures: withPopulation(monthCounts, populations) })),
    unavailableReason: counts.get(force.id)?.coverage[measure.count].reason ?? undefined,
    qualityNotes: flaggedMonthNotes(measure, force.id, counts, await loaders.implausibleMonths(period, STREET_MONTHS)),
    sources: await loaders.batchSources((counts.get(force.id)?.units[measure.count] ?? []).map((unit) => unit.batchId)),
  });
}

/** The force's flagged months behind the measure's count, and which other forces' values have one. */
function flaggedMonthNotes(
  measure: CrimeMeasure,
  forceId: string,
  counts: Map<string, ForceCrimeCounts>,
  flagged: ImplausibleMonth[],
): string[] {
  const others = [...counts.values()].filter(
    (force) => force.forceId !== forceId && force.coverage[measure.count].complete && qualityNotesOf(force, measure.count, flagged).length,
  );
  return withOthers(
    qualityNotesOf(counts.get(forceId), measure.count, flagged),
    others.map((force) => force.forceId),
  );
}
