import { isoDay, monthsStartingWithin, yearEarlier, type Period } from "../shared/graphql/period.ts";
import type { ForceOfficerStrength } from "../shared/graphql/force-officer-strength.ts";
import { compareMeasure, type Measure } from "../shared/measures/compare.ts";
import type { MeasureComparison } from "../shared/measures/measure-types.ts";
import type { MisconductContext } from "./loaders.ts";
import type { MisconductFigures } from "./measures.ts";

/** What the gateway sends with a force for comparisons (through @requires). */
export interface ComparisonForce {
  id: string;
  regionForceIds?: string[];
  mostSimilarGroupForceIds?: string[];
  forceOfficerStrengths?: ForceOfficerStrength[];
}

/** Every force with officers gets figures (no case is a real zero); forces without officer figures get none. */
function figuresFor(cases: Map<string, number>, officers: Map<string, number>): Map<string, MisconductFigures> {
  return new Map([...officers].map(([forceId, officersFte]) => [forceId, { casesOpened: cases.get(forceId) ?? 0, officersFte }]));
}

export async function compareMisconductMeasure(measure: Measure<MisconductFigures>, force: ComparisonForce, period: Period, { loaders }: MisconductContext, groupForceIds: string[] = []): Promise<MeasureComparison> {
  const officers = new Map((force.forceOfficerStrengths ?? []).map((entry) => [entry.forceId, entry.officersFte]));
  const monthly = new Map((await loaders.monthlyCasesOpened(period, force.id)).map((row) => [isoDay(row.month!), row.casesOpened]));
  const forceOfficers = officers.get(force.id);
  return compareMeasure(measure, {
    forceId: force.id,
    figures: figuresFor(await loaders.casesOpened(period), officers),
    yearEarlierFigures: figuresFor(await loaders.casesOpened(yearEarlier(period)), officers),
    regionForceIds: force.regionForceIds ?? [],
    mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
    groupForceIds,
    monthly: monthsStartingWithin(period).map((month) => ({
      month,
      figures: forceOfficers === undefined ? undefined : { casesOpened: monthly.get(isoDay(month)) ?? 0, officersFte: forceOfficers },
    })),
  });
}
