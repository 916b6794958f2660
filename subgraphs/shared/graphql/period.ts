import { badArgument } from "./errors.ts";

/** An inclusive range of calendar days, as the `from` and `to` arguments give it. */
export interface Period {
  from: Date;
  to: Date;
}

/** Days as ISO strings: the form loaders key on and SQL receives. */
export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** The period as one string, e.g. `2025-04-01/2026-03-31` (ISO 8601 interval). */
export const periodKey = (period: Period) => `${isoDay(period.from)}/${isoDay(period.to)}`;

export function checkPeriod(from: Date, to: Date): Period {
  if (from.getTime() > to.getTime()) {
    throw badArgument("from", `the period starts (${isoDay(from)}) after it ends (to: ${isoDay(to)})`);
  }
  return { from, to };
}
