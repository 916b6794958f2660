import { MeasureId } from "../shared/figures/measure-id.ts";
import { Direction, type Measure } from "../shared/measures/compare.ts";
import { addHistograms, percentileFromHistogram, type Histogram } from "../shared/measures/histogram.ts";

/** Attendance histograms count seconds from call connected to first arrival in buckets this wide. */
export const BUCKET_SECONDS = 15;

/** One force's (or one month's) attendance figures for a grade, from the pre-aggregates. */
export interface AttendanceFigures {
  incidents: number;
  attended: number;
  withStandard: number;
  withinStandard: number;
  histogram: Histogram;
  /**
   * Median and P90 minutes already computed in SQL from the same histogram, for month-by-month
   * series where shipping every bucket would cost more than the answer; such figures cannot be pooled.
   */
  percentileMinutes?: { p50: number | null; p90: number | null };
}

/** One force's 999 answer figures over some months. */
export interface CallFigures {
  callsReceived: number;
  answeredWithin10s: number;
  answerSecondsTotal: number;
  months: number;
}

export function poolAttendance(members: AttendanceFigures[]): AttendanceFigures {
  if (members.length === 1) return members[0];
  if (members.some((member) => member.percentileMinutes)) throw new Error("Figures with precomputed percentiles cannot be pooled");
  return members.reduce<AttendanceFigures>(
    (pool, member) => ({
      incidents: pool.incidents + member.incidents,
      attended: pool.attended + member.attended,
      withStandard: pool.withStandard + member.withStandard,
      withinStandard: pool.withinStandard + member.withinStandard,
      histogram: addHistograms(pool.histogram, member.histogram),
    }),
    { incidents: 0, attended: 0, withStandard: 0, withinStandard: 0, histogram: new Map() },
  );
}

const poolCalls = (members: CallFigures[]) => ({
  callsReceived: members.reduce((sum, member) => sum + member.callsReceived, 0),
  answeredWithin10s: members.reduce((sum, member) => sum + member.answeredWithin10s, 0),
  answerSecondsTotal: members.reduce((sum, member) => sum + member.answerSecondsTotal, 0),
});

export const attendancePercentileMinutes = (figures: AttendanceFigures, p: 0.5 | 0.9) => {
  if (figures.percentileMinutes) return p === 0.5 ? figures.percentileMinutes.p50 : figures.percentileMinutes.p90;
  const seconds = percentileFromHistogram(figures.histogram, p, BUCKET_SECONDS);
  return seconds === null ? null : seconds / 60;
};

export const withinStandardShare = (figures: AttendanceFigures) =>
  figures.withStandard > 0 ? figures.withinStandard / figures.withStandard : null;

const POOLED_INCIDENTS =
  "Pooled: computed over all the group's incidents together (summed histograms), so each force counts by its volume of incidents.";
const ATTENDANCE_CLOCK =
  "Minutes from the 999 call being connected to the first arrival on scene, over emergency incidents with a recorded arrival whose call was connected in the months that start within the period (UK time).";

export const EMERGENCY_ATTENDANCE_P90: Measure<AttendanceFigures> = {
  id: MeasureId.EMERGENCY_ATTENDANCE_P90_MINUTES,
  name: "Emergency attendance, 90th percentile",
  unit: "minutes",
  precision: 2,
  direction: Direction.LOWER_IS_BETTER,
  groupValue: POOLED_INCIDENTS,
  definition: `90th percentile of ${ATTENDANCE_CLOCK} From ${BUCKET_SECONDS}-second histograms: within ${BUCKET_SECONDS} s of the exact value.`,
  valueOf: (members) => attendancePercentileMinutes(poolAttendance(members), 0.9),
};

export const EMERGENCY_ATTENDANCE_MEDIAN: Measure<AttendanceFigures> = {
  id: MeasureId.EMERGENCY_ATTENDANCE_MEDIAN_MINUTES,
  name: "Emergency attendance, median",
  unit: "minutes",
  precision: 2,
  direction: Direction.LOWER_IS_BETTER,
  groupValue: POOLED_INCIDENTS,
  definition: `Median of ${ATTENDANCE_CLOCK} From ${BUCKET_SECONDS}-second histograms.`,
  valueOf: (members) => attendancePercentileMinutes(poolAttendance(members), 0.5),
};

export const EMERGENCY_WITHIN_STANDARD: Measure<AttendanceFigures> = {
  id: MeasureId.EMERGENCY_WITHIN_STANDARD_SHARE,
  name: "Emergency incidents attended within the standard",
  unit: "share (0-1)",
  precision: 4,
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Pooled: incidents within the standard over incidents with a standard, summed over the group (weighted by volume).",
  definition:
    "Emergency incidents attended within the national standard in force on the day of the call (15 minutes urban, 20 minutes rural from 2023-04-01), " +
    "over all emergency incidents with a standard; an incident with no arrival counts as outside it.",
  valueOf: (members) => withinStandardShare(poolAttendance(members)),
};

export const CALLS_999_WITHIN_10S: Measure<CallFigures> = {
  id: MeasureId.CALLS_999_ANSWERED_WITHIN_10S_SHARE,
  name: "999 calls answered within 10 seconds",
  unit: "share (0-1)",
  precision: 4,
  direction: Direction.HIGHER_IS_BETTER,
  groupValue: "Pooled: calls answered within 10 s over calls received, summed over the group (weighted by calls).",
  definition:
    "999 calls answered in under 10 seconds over calls received (BT figures), months that start within the period; the standard is 90%.",
  valueOf: (members) => {
    const pool = poolCalls(members);
    return pool.callsReceived > 0 ? pool.answeredWithin10s / pool.callsReceived : null;
  },
};

export const CALLS_999_MEAN_ANSWER: Measure<CallFigures> = {
  id: MeasureId.CALLS_999_MEAN_ANSWER_SECONDS,
  name: "999 mean answer time",
  unit: "seconds",
  precision: 1,
  direction: Direction.LOWER_IS_BETTER,
  groupValue: "Weighted by calls received.",
  definition: "Mean seconds to answer a 999 call (BT figures), weighted by calls received over the months that start within the period.",
  valueOf: (members) => {
    const pool = poolCalls(members);
    return pool.callsReceived > 0 ? pool.answerSecondsTotal / pool.callsReceived : null;
  },
};

export const ATTENDANCE_MEASURES = [EMERGENCY_ATTENDANCE_P90, EMERGENCY_ATTENDANCE_MEDIAN, EMERGENCY_WITHIN_STANDARD];
export const CALL_MEASURES = [CALLS_999_WITHIN_10S, CALLS_999_MEAN_ANSWER];
