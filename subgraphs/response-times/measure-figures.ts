import type { PeriodCoverage } from "../shared/coverage/tile.ts";
import type { Measure } from "../shared/measures/compare.ts";
import { isoDay, monthsStartingWithin, type Period } from "../shared/graphql/period.ts";
import type { ResponseMeasure, ResponseTimesContext } from "./loaders.ts";
import type { PlausibilityCheck } from "../shared/ingest/plausibility.ts";
import { CALLS_999_MONTHS, INCIDENT_MONTHS } from "./plausibility.ts";
import {
  CALLS_999_MEAN_ANSWER,
  CALLS_999_WITHIN_10S,
  EMERGENCY_ATTENDANCE_MEDIAN,
  EMERGENCY_ATTENDANCE_P90,
  EMERGENCY_WITHIN_STANDARD,
  type AttendanceFigures,
  type CallFigures,
} from "./measures.ts";

type Loaders = ResponseTimesContext["loaders"];

/** A measure with where its figures come from. */
export interface Sourced<F> {
  measure: Measure<F>;
  /** The measure in source_measure whose coverage decides which forces have a value. */
  coverage: ResponseMeasure;
  /** The monthly count its source's months are checked on (partial submissions flagged). */
  check: PlausibilityCheck;
  /** Figures of the forces whose loaded sources cover every month of the period: the others are left out of comparisons. */
  period(loaders: Loaders, period: Period): Promise<Map<string, F>>;
  /** Month-by-month figures of the given forces. */
  monthly(loaders: Loaders, period: Period, forceIds: string[]): Promise<Map<string, Map<string, F>>>;
}

async function completeOnly<F>(figures: Map<string, F>, coverage: Promise<Map<string, PeriodCoverage>>): Promise<Map<string, F>> {
  const covered = await coverage;
  return new Map([...figures].filter(([forceId]) => covered.get(forceId)?.complete));
}

const emergencyPeriod = async (loaders: Loaders, period: Period) =>
  completeOnly(await loaders.attendance(period, "EMERGENCY"), loaders.coverage(period, "ATTENDANCE"));

const withHistograms = (measure: Measure<AttendanceFigures>): Sourced<AttendanceFigures> => ({
  measure,
  coverage: "ATTENDANCE",
  check: INCIDENT_MONTHS,
  period: emergencyPeriod,
  monthly: async (loaders, period, forceIds) => {
    const perForce = await Promise.all(forceIds.map((forceId) => loaders.monthlyAttendance(period, "EMERGENCY", forceId)));
    const merged = new Map<string, Map<string, AttendanceFigures>>();
    for (const monthly of perForce) {
      for (const [month, byForce] of monthly) merged.set(month, new Map([...(merged.get(month) ?? []), ...byForce]));
    }
    return merged;
  },
});

const calls = (measure: Measure<CallFigures>): Sourced<CallFigures> => ({
  measure,
  coverage: "CALLS_999",
  check: CALLS_999_MONTHS,
  period: async (loaders, period) => completeOnly(await loaders.calls(period), loaders.coverage(period, "CALLS_999")),
  monthly: (loaders, period) => loaders.monthlyCalls(period),
});

/** Every response-time measure, in the order they are listed. */
// Each measure keeps its own figures type; a list of them holds them as unknown (their functions only ever meet their own figures).
export const RESPONSE_TIME_MEASURES: Sourced<unknown>[] = [
  withHistograms(EMERGENCY_ATTENDANCE_P90),
  withHistograms(EMERGENCY_ATTENDANCE_MEDIAN),
  {
    measure: EMERGENCY_WITHIN_STANDARD,
    coverage: "ATTENDANCE",
    check: INCIDENT_MONTHS,
    period: emergencyPeriod,
    monthly: (loaders, period) => loaders.monthlyCounts(period, "EMERGENCY"),
  },
  calls(CALLS_999_WITHIN_10S),
  calls(CALLS_999_MEAN_ANSWER),
];

export const findMeasure = (id: string) => RESPONSE_TIME_MEASURES.find((sourced) => sourced.measure.id === id);

/** One force's monthly series of a measure, with a point (possibly null) for every month in the period. */
export async function monthlySeries<F>(sourced: Sourced<F>, loaders: Loaders, period: Period, forceId: string) {
  const monthly = await sourced.monthly(loaders, period, [forceId]);
  return monthsStartingWithin(period).map((month) => ({ month, figures: monthly.get(isoDay(month))?.get(forceId) }));
}
