import { isoDay, lastDayOfMonth } from "../graphql/period.ts";

/** A force × unit of time a load covers and replaces: `<force>|<first day>|<last day>`. */
export interface Scope {
  forceId: string;
  start: string;
  end: string;
}

export const unitScope = (forceId: string, start: Date, end: Date) => `${forceId}|${isoDay(start)}|${isoDay(end)}`;
export const monthScope = (forceId: string, month: Date) => unitScope(forceId, month, lastDayOfMonth(month));
export const dayScope = (forceId: string, day: Date) => unitScope(forceId, day, day);

export function parseScope(scope: string): Scope {
  const [forceId, start, end] = scope.split("|");
  return { forceId, start, end };
}

/**
 * A case-level file (incidents, misconduct cases) covers, for each force in it, every month from
 * its first record to its last: a month with no case in between is "none recorded", not "no data".
 */
export function spanMonths(scopes: string[]): string[] {
  const range = new Map<string, [string, string]>();
  for (const { forceId, start } of scopes.map(parseScope)) {
    const [first, last] = range.get(forceId) ?? [start, start];
    range.set(forceId, [start < first ? start : first, start > last ? start : last]);
  }
  const spanned: string[] = [];
  for (const [forceId, [first, last]] of range) {
    for (
      let month = new Date(`${first}T00:00:00Z`);
      isoDay(month) <= last;
      month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
    ) {
      spanned.push(monthScope(forceId, month));
    }
  }
  return spanned;
}
