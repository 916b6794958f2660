import type { Period } from "../shared/graphql/period.ts";
import type { MeasureComparison, WatchlistAlert } from "../shared/measures/measure-types.ts";
import { alertsFor, comparisonAlert, type WatchlistRuleData } from "../shared/measures/watchlist.ts";
import { compareCrimeMeasure, type ComparisonForce } from "./comparisons.ts";
import type { CrimePrioritiesContext } from "./loaders.ts";
import { findCrimeMeasure } from "./measures.ts";

/** Rules of this kind fire when the value rose by more than the threshold on a year earlier and is above the most similar group's. */
export const RISE_ABOVE_MOST_SIMILAR_GROUP = "RISE_ABOVE_MOST_SIMILAR_GROUP";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function riseAlert(rule: WatchlistRuleData, forceId: string, comparison: MeasureComparison): WatchlistAlert[] {
  const { value, yearEarlier, changeFromYearEarlier, mostSimilarGroup, measure } = comparison;
  if (value === null || changeFromYearEarlier === null || mostSimilarGroup === null) return [];
  if (!(changeFromYearEarlier > rule.threshold && value > mostSimilarGroup)) return [];
  return [
    comparisonAlert(
      rule,
      forceId,
      comparison,
      `${measure.name} rose ${percent(changeFromYearEarlier)} on a year earlier (${yearEarlier!.toFixed(2)} to ${value.toFixed(2)} ${measure.unit}), ` +
        `more than ${percent(rule.threshold)}, and is above the most similar group's ${mostSimilarGroup.toFixed(2)}.`,
    ),
  ];
}

export async function crimePriorityAlerts(
  context: CrimePrioritiesContext,
  period: Period,
  force: ComparisonForce,
): Promise<WatchlistAlert[]> {
  const alerts: WatchlistAlert[] = [];
  for (const rule of await context.loaders.watchlistRules()) {
    const measure = findCrimeMeasure(rule.measure);
    if (!measure) throw new Error(`Watchlist rule ${rule.id} names unknown measure ${rule.measure}`);
    const comparison = await compareCrimeMeasure(measure, force, period, context);
    alerts.push(
      ...(rule.comparator === RISE_ABOVE_MOST_SIMILAR_GROUP
        ? riseAlert(rule, force.id, comparison)
        : alertsFor(rule, measure, force.id, comparison.monthly)),
    );
  }
  return alerts;
}
