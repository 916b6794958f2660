import { isoDay, monthPeriod, monthsStartingWithin, yearEarlier, type Period } from "../shared/graphql/period.ts";
import type { ForceOfficerStrength } from "../shared/graphql/force-officer-strength.ts";
import { compareMeasure, type ComparisonOptions, type Measure } from "../shared/measures/compare.ts";
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

/**
 * Forces with officers and case files covering the whole period get figures (no case there is a
 * real zero); forces without officer figures or full coverage get none and are left out.
 */
function figuresFor(
  cases: Map<string, number>,
  officers: Map<string, number>,
  covered: (forceId: string) => boolean,
): Map<string, MisconductFigures> {
  return new Map(
    [...officers]
      .filter(([forceId]) => covered(forceId))
      .map(([forceId, officersFte]) => [forceId, { casesOpened: cases.get(forceId) ?? 0, officersFte }]),
  );
}

async function yearEarlierFigures(period: Period, officers: Map<string, number>, loaders: MisconductContext["loaders"]) {
  const earlier = yearEarlier(period);
  const coverage = await loaders.caseCoverage(earlier);
  return figuresFor(await loaders.casesOpened(earlier), officers, (forceId) => coverage(forceId).complete);
}

/** The force's value against its groups; tables of figures leave out the monthly series and the year earlier (`series: false`). */
export async function compareMisconductMeasure(
  measure: Measure<MisconductFigures>,
  force: ComparisonForce,
  period: Period,
  { loaders }: MisconductContext,
  { groupForceIds = [], series = true }: ComparisonOptions = {},
): Promise<MeasureComparison> {
  const officers = new Map((force.forceOfficerStrengths ?? []).map((entry) => [entry.forceId, entry.officersFte]));
  const monthly = new Map(
    (series ? await loaders.monthlyCasesOpened(period, force.id) : []).map((row) => [isoDay(row.month!), row.casesOpened]),
  );
  const forceOfficers = officers.get(force.id);
  const coverage = await loaders.caseCoverage(period);
  return compareMeasure(measure, {
    forceId: force.id,
    figures: figuresFor(await loaders.casesOpened(period), officers, (forceId) => coverage(forceId).complete),
    yearEarlierFigures: series ? await yearEarlierFigures(period, officers, loaders) : new Map<string, MisconductFigures>(),
    unavailableReason: coverage(force.id).reason ?? undefined,
    sources: await loaders.sources(period, force.id),
    syntheticInputs: (force.forceOfficerStrengths ?? []).find((entry) => entry.forceId === force.id)?.synthetic,
    regionForceIds: force.regionForceIds ?? [],
    mostSimilarGroupForceIds: force.mostSimilarGroupForceIds ?? [],
    groupForceIds,
    monthly: (series ? monthsStartingWithin(period) : []).map((month) => ({
      month,
      figures:
        forceOfficers === undefined || !coverage(force.id, monthPeriod(month, period)).complete
          ? undefined
          : { casesOpened: monthly.get(isoDay(month)) ?? 0, officersFte: forceOfficers },
    })),
  });
}
