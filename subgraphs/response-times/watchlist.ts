import { isoDay, monthsStartingWithin, type Period } from "../shared/graphql/period.ts";
import type { WatchlistAlert } from "../shared/measures/measure-types.ts";
import { alertsFor } from "../shared/measures/watchlist.ts";
import type { ResponseTimesContext } from "./loaders.ts";
import { findMeasure } from "./measure-figures.ts";

/** Evaluates this subgraph's watchlist rules over the months of the period, for some forces or for all a loaded source covers. */
export async function responseTimeAlerts(context: ResponseTimesContext, period: Period, onlyForceId?: string): Promise<WatchlistAlert[]> {
  const rules = await context.loaders.watchlistRules();
  const months = monthsStartingWithin(period);
  const alerts: WatchlistAlert[] = [];
  for (const rule of rules) {
    const sourced = findMeasure(rule.measure);
    if (!sourced) throw new Error(`Watchlist rule ${rule.id} names unknown measure ${rule.measure}`);
    // Month by month: every force a loaded source covers for some of the period.
    const forceIds = onlyForceId ? [onlyForceId] : [...(await context.loaders.coverage(period, sourced.coverage)).keys()].sort();
    const monthly = await sourced.monthly(context.loaders, period, forceIds);
    for (const forceId of forceIds) {
      const series = months.map((month) => {
        const figures = monthly.get(isoDay(month))?.get(forceId);
        return { month, value: figures ? sourced.measure.valueOf([figures]) : null };
      });
      alerts.push(...alertsFor(rule, sourced.measure, forceId, series));
    }
  }
  return alerts;
}
