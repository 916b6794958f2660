import DataLoader from "dataloader";
import { periodKey, type Period } from "./period.ts";

export interface ForcePeriodKey {
  forceId: string;
  period: Period;
}

/**
 * A loader for figures per force and period: the keys of one request are grouped by
 * period and each group is fetched for all its forces in one statement, so a query over
 * all 43 forces costs one statement per period, never one per force.
 */
export function forcePeriodLoader<V>(fetch: (forceIds: string[], period: Period) => Promise<Map<string, V>>, missing: V) {
  return new DataLoader<ForcePeriodKey, V, string>(
    async (keys) => {
      const byPeriod = new Map<string, { period: Period; forceIds: Set<string> }>();
      for (const { forceId, period } of keys) {
        const periodId = periodKey(period);
        if (!byPeriod.has(periodId)) byPeriod.set(periodId, { period, forceIds: new Set() });
        byPeriod.get(periodId)!.forceIds.add(forceId);
      }
      const results = new Map<string, Map<string, V>>();
      await Promise.all(
        [...byPeriod].map(async ([periodId, { period, forceIds }]) => results.set(periodId, await fetch([...forceIds], period))),
      );
      return keys.map(({ forceId, period }) => results.get(periodKey(period))!.get(forceId) ?? missing);
    },
    { cacheKeyFn: ({ forceId, period }) => `${forceId}|${periodKey(period)}` },
  );
}
