import { consecutiveRuns } from "./consecutive-runs.ts";
import type { Measure } from "./compare.ts";
import type { MeasureComparison, MonthlyValue, WatchlistAlert } from "./measure-types.ts";

/** A watchlist rule as stored: which measure, which way, what threshold, for how many consecutive months. */
export interface WatchlistRuleData {
  id: string;
  measure: string;
  comparator: string;
  threshold: number;
  consecutiveMonths: number;
  description: string;
}

const formatValue = (measure: Measure<unknown>, value: number) =>
  measure.unit.startsWith("share") ? `${(value * 100).toFixed(1)}%` : `${value.toFixed(1)} ${measure.unit}`;

const monthName = (month: Date) => month.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** The alerts one rule raises on one force's monthly series: one per run of months that break it. */
export function alertsFor(rule: WatchlistRuleData, measure: Measure<unknown>, forceId: string, series: MonthlyValue[]): WatchlistAlert[] {
  const breaks = rule.comparator === "BELOW" ? (value: number) => value < rule.threshold : (value: number) => value > rule.threshold;
  return consecutiveRuns(series, breaks, rule.consecutiveMonths).map((run) => ({
    ruleId: rule.id,
    forceId,
    rule: rule.description,
    measureId: rule.measure,
    comparator: rule.comparator,
    threshold: rule.threshold,
    months: run,
    explanation:
      `${measure.name} was ${rule.comparator.toLowerCase()} ${formatValue(measure, rule.threshold)} for ${run.length} consecutive month${run.length > 1 ? "s" : ""}: ` +
      run.map((point) => `${monthName(point.month)} ${formatValue(measure, point.value!)}`).join(", ") +
      ".",
  }));
}

/** An alert from a rule judged on a whole comparison (rank, year-on-year change), with the monthly series as evidence. */
export const comparisonAlert = (
  rule: WatchlistRuleData,
  forceId: string,
  comparison: MeasureComparison,
  explanation: string,
): WatchlistAlert => ({
  ruleId: rule.id,
  forceId,
  rule: rule.description,
  measureId: rule.measure,
  comparator: rule.comparator,
  threshold: rule.threshold,
  months: comparison.monthly,
  explanation,
});
