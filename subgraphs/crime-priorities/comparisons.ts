import type { ForcePopulation } from "../shared/graphql/force-population.ts";
import { isoDay, monthsStartingWithin, yearEarlier, type Period } from "../shared/graphql/period.ts";
import { compareMeasure, type Measure } from "../shared/measures/compare.ts";
import type { MeasureComparison } from "../shared/measures/measure-types.ts";
import type { CrimePrioritiesContext } from "./loaders.ts";
import type { CrimeFigures } from "./measures.ts";

/** What the forces subgraph sends with a force for comparisons (through @requires). */
export interface ComparisonForce {
  id: string;
  regionForceIds?: string[];
  mostSimilarGroupForceIds?: string[];
  forcePopulations?: ForcePopulation[];
}

function withPopulations(rows: Map<string, Omit<CrimeFigures, "population">>, populations: Map<string, number>): Map<string, CrimeFigures> {
  const figures = new Map<string, CrimeFigures>();
  for (const [forceId, row] of rows) {
    const population = populations.get(forceId);
    if (population) figures.set(forceId, { ...row, population });
  }
  return figures;
}

export async function compareCrimeMeasure(measure: Measure<CrimeFigures>, force: ComparisonForce, period: Period, { loaders }: CrimePrioritiesContext, groupForceIds: string[] = []): Promise<MeasureComparison> {
  const populations = new Map((force.forcePopulations ?? []).map((entry) => [entry.forceId, entry.population]));
  const monthly = new Map((await loaders.monthlyFigures(period, force.id)).map((row) => [isoDay(row.month!), row]));
  return compareMeasure(measure, {
    forceId: force.id,
    figures: withPopulations(await loaders.figures(period), populations),
    yearEarlierFigures: withPopulations(await loaders.figures(yearEarlier(period)), populations),
    regionForceIds: force.regionForceIds ?? [],
    mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
    groupForceIds,
    monthly: monthsStartingWithin(period).map((month) => {
      const row = monthly.get(isoDay(month));
      const population = populations.get(force.id);
      return { month, figures: row && population ? { ...row, population } : undefined };
    }),
  });
}
