import type { Period } from "../shared/graphql/period.ts";
import type { MeasureComparison, WatchlistAlert } from "../shared/measures/measure-types.ts";
import { alertsFor, comparisonAlert, type WatchlistRuleData } from "../shared/measures/watchlist.ts";
import { compareMisconductMeasure, type ComparisonForce } from "./comparisons.ts";
import type { MisconductContext } from "./loaders.ts";
import { findMisconductMeasure } from "./measures.ts";

/** Rules of this kind fire when the force ranks among the worst `threshold` forces on the measure. */
export const AMONG_WORST = "AMONG_WORST";

function amongWorstAlert(rule: WatchlistRuleData, forceId: string, comparison: MeasureComparison): WatchlistAlert[] {
  const { rank, forcesRanked, value, measure } = comparison;
  if (rank === null || value === null || rank <= forcesRanked - rule.threshold) return [];
  return [
    comparisonAlert(
      rule,
      forceId,
      comparison,
      `${measure.name} is ${value.toFixed(2)}, ranked ${rank} of ${forcesRanked} (1 is best): among the ${rule.threshold} worst forces.`,
    ),
  ];
}

export async function misconductAlerts(context: MisconductContext, period: Period, force: ComparisonForce): Promise<WatchlistAlert[]> {
  const alerts: WatchlistAlert[] = [];
  for (const rule of await context.loaders.watchlistRules()) {
    const measure = findMisconductMeasure(rule.measure);
    if (!measure) throw new Error(`Watchlist rule ${rule.id} names unknown measure ${rule.measure}`);
    const comparison = await compareMisconductMeasure(measure, force, period, context);
    alerts.push(
      ...(rule.comparator === AMONG_WORST
        ? amongWorstAlert(rule, force.id, comparison)
        : alertsFor(rule, measure, force.id, comparison.monthly)),
    );
  }
  return alerts;
}
