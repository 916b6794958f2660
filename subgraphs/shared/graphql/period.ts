import { badArgument } from "../../../shared/graphql/errors.ts";

/** An inclusive range of calendar days, as the `from` and `to` arguments give it, and the figures as published on a day when asked. */
export interface Period {
  from: Date;
  to: Date;
  /** Read the figures as they stood at the end of this day (UK time); the latest when absent. */
  asPublishedOn?: Date;
}

/** Days as ISO strings: the form loaders key on and SQL receives. */
export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** The period as one string, e.g. `2025-04-01/2026-03-31` (ISO 8601 interval), `@2025-06-30` added when read as published then. */
export const periodKey = (period: Period) =>
  `${isoDay(period.from)}/${isoDay(period.to)}${period.asPublishedOn ? `@${isoDay(period.asPublishedOn)}` : ""}`;

export function checkPeriod(from: Date, to: Date, asPublishedOn?: Date | null): Period {
  if (from.getTime() > to.getTime()) {
    throw badArgument("from", `the period starts (${isoDay(from)}) after it ends (to: ${isoDay(to)})`);
  }
  return asPublishedOn ? { from, to, asPublishedOn } : { from, to };
}

/** The same day a number of years earlier or later; 29 February falls back to 28 February. */
export function shiftYears(day: Date, years: number): Date {
  const year = day.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(year, day.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, day.getUTCMonth(), Math.min(day.getUTCDate(), lastDay)));
}

export const yearEarlier = (period: Period): Period => ({ ...period, from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) });

/** The year a day's financial year (April to March) starts in: 31 March 2025 is in 2024/25, so 2024. */
export const financialYearOf = (day: Date) => day.getUTCFullYear() - (day.getUTCMonth() < 3 ? 1 : 0);

export const lastDayOfMonth = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));

/** One calendar month as a period, read as published on the same day as the period it lies in. */
export const monthPeriod = (month: Date, within: Period): Period => ({ ...within, from: month, to: lastDayOfMonth(month) });

/** First days of the months that start within the period. */
export function monthsStartingWithin(period: Period): Date[] {
  const months: Date[] = [];
  const first = new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth() + (period.from.getUTCDate() === 1 ? 0 : 1), 1));
  for (let month = first; month <= period.to; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1)))
    months.push(month);
  return months;
}
