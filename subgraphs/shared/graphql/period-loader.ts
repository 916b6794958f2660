import DataLoader from "dataloader";
import { isoDay, periodKey, type Period } from "./period.ts";

/**
 * A loader for figures per force and some parameter (a period, a date): the keys of one
 * request are grouped by parameter and each group is fetched for all its forces in one
 * statement, so a query over all 43 forces costs one statement per parameter, never one per force.
 */
function groupedForceLoader<P, V>(
  parameterId: (parameter: P) => string,
  fetch: (forceIds: string[], parameter: P) => Promise<Map<string, V>>,
  missing: V,
) {
  return new DataLoader<{ forceId: string; parameter: P }, V, string>(
    async (keys) => {
      const groups = new Map<string, { parameter: P; forceIds: Set<string> }>();
      for (const { forceId, parameter } of keys) {
        const id = parameterId(parameter);
        if (!groups.has(id)) groups.set(id, { parameter, forceIds: new Set() });
        groups.get(id)!.forceIds.add(forceId);
      }
      const results = new Map<string, Map<string, V>>();
      await Promise.all([...groups].map(async ([id, { parameter, forceIds }]) => results.set(id, await fetch([...forceIds], parameter))));
      return keys.map(({ forceId, parameter }) => results.get(parameterId(parameter))!.get(forceId) ?? missing);
    },
    { cacheKeyFn: ({ forceId, parameter }) => `${forceId}|${parameterId(parameter)}` },
  );
}

/** Figures per force over a period. */
export function forcePeriodLoader<V>(fetch: (forceIds: string[], period: Period) => Promise<Map<string, V>>, missing: V) {
  const loader = groupedForceLoader((period: Period) => periodKey(period), fetch, missing);
  return {
    load: ({ forceId, period }: { forceId: string; period: Period }) =>
      loader.load({ forceId, parameter: { from: period.from, to: period.to, asPublishedOn: period.asPublishedOn } }),
  };
}

/** Figures per force as at a day. */
export function forceDateLoader<V>(fetch: (forceIds: string[], day: Date) => Promise<Map<string, V>>, missing: V) {
  const loader = groupedForceLoader((day: Date) => isoDay(day), fetch, missing);
  return { load: (forceId: string, day: Date) => loader.load({ forceId, parameter: day }) };
}
