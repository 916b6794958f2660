import type { CatalogueMeasure } from "./types.ts";

export type Interval = "MONTH" | "QUARTER" | "FINANCIAL_YEAR" | "CALENDAR_YEAR" | "SNAPSHOT" | "WHOLE_PERIOD";

export const INTERVAL_LABELS: Record<Interval, string> = {
  MONTH: "Months",
  QUARTER: "Quarters",
  FINANCIAL_YEAR: "Financial years (April to March)",
  CALENDAR_YEAR: "Calendar years",
  SNAPSHOT: "Snapshot days",
  WHOLE_PERIOD: "One period, from and to as chosen",
};

/** One period a table can have: its first and last day and how it reads. */
export interface PeriodOption {
  from: string;
  to: string;
  label: string;
}

const MONTHS_PER: Partial<Record<Interval, number>> = { MONTH: 1, QUARTER: 3, FINANCIAL_YEAR: 12, CALENDAR_YEAR: 12, WHOLE_PERIOD: 1 };
const STARTS_IN: Partial<Record<Interval, (month: number) => boolean>> = {
  QUARTER: (month) => month % 3 === 0,
  FINANCIAL_YEAR: (month) => month === 3,
  CALENDAR_YEAR: (month) => month === 0,
};

const iso = (day: Date) => day.toISOString().slice(0, 10);
const utc = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day));
const monthName = (day: Date, style: "long" | "short") =>
  day.toLocaleDateString("en-GB", { month: style, year: "numeric", timeZone: "UTC" });

/** How a period reads in a header: `April 2025`, `Apr to Jun 2025`, `2025/26`, `2025`, `31 March 2025`. */
export function periodLabel(interval: Interval, from: string, to: string): string {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (interval === "SNAPSHOT" || from === to)
    return start.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  if (interval === "MONTH") return monthName(start, "long");
  if (interval === "QUARTER")
    return `${start.toLocaleDateString("en-GB", { month: "short", timeZone: "UTC" })} to ${monthName(end, "short")}`;
  if (interval === "FINANCIAL_YEAR") return `${start.getUTCFullYear()}/${String((start.getUTCFullYear() + 1) % 100).padStart(2, "0")}`;
  if (interval === "CALENDAR_YEAR") return String(start.getUTCFullYear());
  return `${monthName(start, "short")} to ${monthName(end, "short")}`;
}

/** The days the chosen measures have data for: from the earliest first day to the latest last day. */
function dataSpan(measures: CatalogueMeasure[]): [Date, Date] | undefined {
  const firsts = measures
    .map((measure) => measure.periods.firstDay)
    .filter((day): day is string => !!day)
    .sort();
  const lasts = measures
    .map((measure) => measure.periods.lastDay)
    .filter((day): day is string => !!day)
    .sort();
  return firsts.length ? [new Date(`${firsts[0]}T00:00:00Z`), new Date(`${lasts[lasts.length - 1]}T00:00:00Z`)] : undefined;
}

/**
 * The whole periods of the interval that the chosen measures have data in (only periods that exist are
 * offered); snapshot days for SNAPSHOT; months for WHOLE_PERIOD, whose from and to are chosen among them.
 */
export function periodOptions(interval: Interval, measures: CatalogueMeasure[]): PeriodOption[] {
  if (interval === "SNAPSHOT") {
    const days = [...new Set(measures.flatMap((measure) => measure.periods.snapshotDates))].sort();
    return days.map((day) => ({ from: day, to: day, label: periodLabel("SNAPSHOT", day, day) }));
  }
  const span = dataSpan(measures);
  if (!span) return [];
  const months = MONTHS_PER[interval]!;
  const startsIn = STARTS_IN[interval] ?? (() => true);
  // Counts over months: periods the data covers whole. Snapshots: periods holding a snapshot day.
  const holds = measures.every((measure) => !measure.snapshot)
    ? (start: Date, end: Date) => start >= utc(span[0].getUTCFullYear(), span[0].getUTCMonth()) && end <= span[1]
    : (start: Date, end: Date) => end >= span[0] && start <= span[1];
  const options: PeriodOption[] = [];
  for (
    let month = utc(span[0].getUTCFullYear(), span[0].getUTCMonth() - 11);
    month <= span[1];
    month = utc(month.getUTCFullYear(), month.getUTCMonth() + 1)
  ) {
    const end = utc(month.getUTCFullYear(), month.getUTCMonth() + months, 0);
    if (startsIn(month.getUTCMonth()) && holds(month, end)) {
      options.push({
        from: iso(month),
        to: iso(end),
        label: periodLabel(interval === "WHOLE_PERIOD" ? "MONTH" : interval, iso(month), iso(end)),
      });
    }
  }
  return options;
}

/** Intervals that suit the measures: snapshot days only when every measure is a snapshot measure. */
export function intervalsFor(measures: CatalogueMeasure[]): Interval[] {
  const all: Interval[] = ["MONTH", "QUARTER", "FINANCIAL_YEAR", "CALENDAR_YEAR", "WHOLE_PERIOD"];
  return measures.length && measures.every((measure) => measure.snapshot) ? ["SNAPSHOT", ...all] : all;
}
