import { registerDescribedEnum } from "../graphql/described-enum.ts";
import { badArgument } from "../../../shared/graphql/errors.ts";
import { lastDayOfMonth, type Period } from "../graphql/period.ts";

/** How a span of days is cut into the periods of a table's columns. */
export enum Interval {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  FINANCIAL_YEAR = "FINANCIAL_YEAR",
  CALENDAR_YEAR = "CALENDAR_YEAR",
  SNAPSHOT = "SNAPSHOT",
  WHOLE_PERIOD = "WHOLE_PERIOD",
}

export const INTERVAL_DESCRIPTIONS: Record<Interval, string> = {
  MONTH: "Calendar months.",
  QUARTER:
    "Quarters of three months: January to March, April to June, July to September, October to December (financial-year quarters are the same months).",
  FINANCIAL_YEAR: "Financial years, 1 April to 31 March.",
  CALENDAR_YEAR: "Calendar years, 1 January to 31 December.",
  SNAPSHOT: "Each workforce snapshot day within the span (snapshot measures only: counts over months have no snapshots).",
  WHOLE_PERIOD: "The span as given, `from` to `to`, as one period.",
};

registerDescribedEnum(Interval, "Interval", "How a table's span of days is cut into periods.", INTERVAL_DESCRIPTIONS);

/** Months per period, and the month of the year a period may start in (0 = January). */
const CALENDAR: Partial<Record<Interval, { months: number; startsIn: (month: number) => boolean }>> = {
  MONTH: { months: 1, startsIn: () => true },
  QUARTER: { months: 3, startsIn: (month) => month % 3 === 0 },
  FINANCIAL_YEAR: { months: 12, startsIn: (month) => month === 3 },
  CALENDAR_YEAR: { months: 12, startsIn: (month) => month === 0 },
};

/** Most periods one table may have: ten years of months. */
export const MAX_PERIODS = 120;

/**
 * The whole periods of the interval that lie within `from`..`to` (a period the span cuts is left
 * out, so no column counts part of its months); SNAPSHOT is the snapshot owner's to cut.
 */
export function periodsOf(interval: Interval, span: Period): Period[] {
  if (interval === Interval.WHOLE_PERIOD || interval === Interval.SNAPSHOT) return [span];
  const { months, startsIn } = CALENDAR[interval]!;
  const periods: Period[] = [];
  for (
    let month = new Date(Date.UTC(span.from.getUTCFullYear(), span.from.getUTCMonth(), 1));
    month <= span.to;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  ) {
    const to = lastDayOfMonth(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + months - 1, 1)));
    if (startsIn(month.getUTCMonth()) && month >= span.from && to <= span.to) periods.push({ ...span, from: month, to });
  }
  if (periods.length > MAX_PERIODS)
    throw badArgument(
      "interval",
      `${periods.length} periods of ${interval} between the dates; a table holds at most ${MAX_PERIODS}: choose a longer interval or a shorter span`,
    );
  return periods;
}
