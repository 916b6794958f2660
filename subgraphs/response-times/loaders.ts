import type { Viewer } from "../../shared/auth/viewer.ts";
import DataLoader from "dataloader";
import type { PrismaClient } from "../../prisma/generated/response-times/client.ts";
import { asPublished, replaceTable } from "../shared/graphql/as-published.ts";
import { isoDay, periodKey, type Period } from "../shared/graphql/period.ts";
import type { RequestMemo } from "../shared/graphql/request-memo.ts";
import { createSourceLoader } from "../shared/graphql/source.ts";
import { loadCoverage } from "../shared/coverage/live-coverage.ts";
import { tileCoverage, type PeriodCoverage } from "../shared/coverage/tile.ts";
import { attendanceHistogramSelect, attendanceMonthSelect } from "./aggregates.ts";
import type { AttendanceFigures, CallFigures } from "./measures.ts";
import { implausibleMonths, type MonthlyTotal, type PlausibilityCheck } from "../shared/ingest/plausibility.ts";

type ByForce<F> = Map<string, F>;
/** Figures per month (ISO first day) per force. */
export type Monthly<F> = Map<string, ByForce<F>>;

/** Months that start within the period. */
const MONTHS = `month BETWEEN $1::date AND $2::date`;

const COUNTS_SQL = (byMonth: boolean) => `
  SELECT force_id AS "forceId", ${byMonth ? "month," : ""} sum(incidents)::int AS incidents, sum(attended)::int AS attended,
         sum(with_standard)::int AS "withStandard", sum(within_standard)::int AS "withinStandard"
  FROM response_times.attendance_month
  WHERE grade = $3 AND ${MONTHS} AND ($4::text[] IS NULL OR force_id = ANY($4::text[]))
  GROUP BY force_id ${byMonth ? ", month" : ""}`;

const HISTOGRAM_SQL = `
  SELECT force_id AS "forceId", bucket, sum(incidents)::int AS incidents
  FROM response_times.attendance_histogram
  WHERE grade = $3 AND ${MONTHS}
  GROUP BY force_id, bucket`;

/** Month by month, for figures as published on a day: their percentiles were never stored. */
const MONTHLY_HISTOGRAM_SQL = `
  SELECT force_id AS "forceId", month, bucket, incidents
  FROM response_times.attendance_histogram
  WHERE grade = $3 AND ${MONTHS} AND force_id = ANY($4::text[])`;

/** Median and P90 per force and month, stored at refresh from the histograms (see aggregates.ts). */
const MONTHLY_PERCENTILES_SQL = `
  SELECT force_id AS "forceId", month, p50_minutes AS p50, p90_minutes AS p90
  FROM response_times.attendance_month_percentile
  WHERE grade = $3 AND ${MONTHS} AND force_id = ANY($4::text[])`;

/** In a fixed order: answer seconds are summed as doubles, and a sum's last bits (which rounding to the measure's precision can show) depend on the order. */
const CALLS_SQL = `
  SELECT force_id AS "forceId", month, calls_received AS "callsReceived", answered_within_10s AS "answeredWithin10s",
         mean_answer_seconds * calls_received AS "answerSecondsTotal"
  FROM response_times.calls_999_month
  WHERE ${MONTHS}
  ORDER BY force_id, month`;

type CountRow = Omit<AttendanceFigures, "histogram"> & { forceId: string; month?: Date };
type BucketRow = { forceId: string; month?: Date; bucket: number; incidents: number };
type PercentileRow = { forceId: string; month: Date; p50: number | null; p90: number | null };
type CallRow = Omit<CallFigures, "months"> & { forceId: string; month: Date };

const monthKey = (row: { month?: Date }) => (row.month ? isoDay(row.month) : "");

function attendanceFigures(counts: CountRow[], buckets: BucketRow[]): Monthly<AttendanceFigures> {
  const result: Monthly<AttendanceFigures> = new Map();
  const slot = (row: { forceId: string; month?: Date }) => {
    if (!result.has(monthKey(row))) result.set(monthKey(row), new Map());
    const byForce = result.get(monthKey(row))!;
    if (!byForce.has(row.forceId))
      byForce.set(row.forceId, { incidents: 0, attended: 0, withStandard: 0, withinStandard: 0, histogram: new Map() });
    return byForce.get(row.forceId)!;
  };
  for (const { forceId, month, ...counted } of counts) Object.assign(slot({ forceId, month }), counted);
  for (const row of buckets) slot(row).histogram.set(row.bucket, row.incidents);
  return result;
}

/** Each force's months, in the order of the ids asked for. */
const byForce = <F>(ids: string[], monthly: Monthly<F>): Monthly<F>[] =>
  ids.map(
    (id) =>
      new Map([...monthly].filter(([, forces]) => forces.has(id)).map(([month, forces]) => [month, new Map([[id, forces.get(id)!]])])),
  );

function callFigures(rows: CallRow[], byMonth: boolean): Monthly<CallFigures> {
  const result: Monthly<CallFigures> = new Map();
  for (const row of rows) {
    const key = byMonth ? isoDay(row.month) : "";
    if (!result.has(key)) result.set(key, new Map());
    const current = result.get(key)!.get(row.forceId) ?? { callsReceived: 0, answeredWithin10s: 0, answerSecondsTotal: 0, months: 0 };
    result.get(key)!.set(row.forceId, {
      callsReceived: current.callsReceived + row.callsReceived,
      answeredWithin10s: current.answeredWithin10s + row.answeredWithin10s,
      answerSecondsTotal: current.answerSecondsTotal + row.answerSecondsTotal,
      months: current.months + 1,
    });
  }
  return result;
}

/**
 * Figures are read from the pre-aggregates for every force at once (a handful of statements
 * per period and grade, whatever the number of forces): force values, group values and ranks
 * all come from the same rows. Monthly histograms, the largest, are fetched only for the forces asked about.
 */
/** Batches behind a force's figures for the months that start within the period. */
/** The batches behind each measure's figures per force, in the period. */
const MEASURE_BATCHES = {
  ATTENDANCE: `SELECT force_id, unnest(batch_ids) AS batch_id FROM response_times.attendance_month WHERE ${MONTHS}`,
  CALLS_999: `SELECT force_id, batch_id FROM response_times.calls_999_month WHERE ${MONTHS}`,
};
const batchesByForce = (contributing: string) => `
  SELECT force_id AS "forceId", array_agg(DISTINCT batch_id ORDER BY batch_id) AS "batchIds" FROM (${contributing}) contributing GROUP BY force_id`;
const SOURCE_BATCHES_SQL = batchesByForce(`${MEASURE_BATCHES.ATTENDANCE} UNION ${MEASURE_BATCHES.CALLS_999}`);

/**
 * SQL over the pre-aggregates, pointed at the figures as published on the period's day when it asks:
 * the aggregates are then computed from the incidents as published then (slower, never stored).
 */
function at(sql: string, period: Period): string {
  if (!period.asPublishedOn) return sql;
  const fromIncidents = replaceTable(
    replaceTable(sql, "response_times.attendance_month", `(${attendanceMonthSelect("response_times.incident")}) AS attendance_month`),
    "response_times.attendance_histogram",
    `(${attendanceHistogramSelect("response_times.incident")}) AS attendance_histogram`,
  );
  return asPublished(fromIncidents, ["response_times.incident", "response_times.calls_999_month"], period.asPublishedOn);
}

/** The measures response-time figures are made of, each fed by the sources source_measure lists. */
export const RESPONSE_MEASURES = { ATTENDANCE: "response attendance", CALLS_999: "999 call answering" } as const;
export type ResponseMeasure = keyof typeof RESPONSE_MEASURES;

export function createLoaders(prisma: PrismaClient, memo: RequestMemo) {
  const liveCoverage = (period: Period) =>
    memo(`coverage|${periodKey(period)}`, () => loadCoverage(prisma, "response_times", Object.keys(RESPONSE_MEASURES), period));
  /** Each covered force's coverage of the period for a measure. */
  const coverage = (period: Period, measure: ResponseMeasure) =>
    memo(`coverage|${periodKey(period)}|${measure}`, async () => {
      const byForce = (await liveCoverage(period)).get(measure)!;
      return new Map<string, PeriodCoverage>(
        [...byForce].map(([forceId, units]) => [forceId, tileCoverage(period, units, RESPONSE_MEASURES[measure]).coverage]),
      );
    });
  const sources = createSourceLoader(prisma, memo, "response_times");
  const query = <T>(sql: string, ...params: unknown[]) => prisma.$queryRawUnsafe<T[]>(sql, ...params);
  const attendance = (period: Period, grade: string) =>
    memo(`attendance|${periodKey(period)}|${grade}`, async () => {
      const [counts, buckets] = await Promise.all([
        query<CountRow>(at(COUNTS_SQL(false), period), period.from, period.to, grade, null),
        query<BucketRow>(at(HISTOGRAM_SQL, period), period.from, period.to, grade),
      ]);
      return attendanceFigures(counts, buckets).get("") ?? new Map<string, AttendanceFigures>();
    });
  const monthlyAttendanceLoaders = new Map<string, DataLoader<string, Monthly<AttendanceFigures>>>();
  return {
    attendance,
    coverage,
    /** A force's coverage of the period for a measure: none loaded reads as no month covered. */
    forceCoverage: async (period: Period, measure: ResponseMeasure, forceId: string) =>
      (await coverage(period, measure)).get(forceId) ?? tileCoverage(period, [], RESPONSE_MEASURES[measure]).coverage,
    sources: (period: Period, forceId: string) =>
      sources(periodKey(period), at(SOURCE_BATCHES_SQL, period), [period.from, period.to], forceId),
    /** The sources of one measure's figures for a force: incident files for attendance, 999 files for call answering. */
    measureSources: (period: Period, measure: ResponseMeasure, forceId: string) =>
      sources(`${measure}|${periodKey(period)}`, at(batchesByForce(MEASURE_BATCHES[measure]), period), [period.from, period.to], forceId),
    watchlistRules: () => memo("watchlist-rules", () => prisma.watchlistRule.findMany({ orderBy: { id: "asc" } })),
    /** The force-months of a monthly kind whose counts are implausibly low, as the data stood on the period's day. */
    implausibleMonths: (period: Period, check: PlausibilityCheck) =>
      memo(`implausible|${check.measure}|${period.asPublishedOn ? isoDay(period.asPublishedOn) : "latest"}`, async () =>
        implausibleMonths(await query<MonthlyTotal>(at(check.monthlyTotalsSql, period)), check.measure),
      ),
    calls: (period: Period) =>
      memo(
        `calls|${periodKey(period)}`,
        async () =>
          callFigures(await query<CallRow>(at(CALLS_SQL, period), period.from, period.to), false).get("") ?? new Map<string, CallFigures>(),
      ),
    monthlyCalls: (period: Period) =>
      memo(`monthly-calls|${periodKey(period)}`, async () =>
        callFigures(await query<CallRow>(at(CALLS_SQL, period), period.from, period.to), true),
      ),
    /** Month-by-month counts for every force, without histograms: enough for shares and watchlist rules. */
    monthlyCounts: (period: Period, grade: string) =>
      memo(`monthly-counts|${periodKey(period)}|${grade}`, async () =>
        attendanceFigures(await query<CountRow>(at(COUNTS_SQL(true), period), period.from, period.to, grade, null), []),
      ),
    /** Month-by-month figures with their percentiles for one force, batched across the forces a request asks about. */
    monthlyAttendance(period: Period, grade: string, forceId: string) {
      const key = `${periodKey(period)}|${grade}`;
      if (!monthlyAttendanceLoaders.has(key)) {
        monthlyAttendanceLoaders.set(
          key,
          new DataLoader(async (forceIds: readonly string[]) => {
            const ids = [...forceIds];
            if (period.asPublishedOn) {
              const [counts, buckets] = await Promise.all([
                query<CountRow>(at(COUNTS_SQL(true), period), period.from, period.to, grade, ids),
                query<BucketRow>(at(MONTHLY_HISTOGRAM_SQL, period), period.from, period.to, grade, ids),
              ]);
              return byForce(ids, attendanceFigures(counts, buckets));
            }
            const [counts, percentiles] = await Promise.all([
              query<CountRow>(COUNTS_SQL(true), period.from, period.to, grade, ids),
              query<PercentileRow>(MONTHLY_PERCENTILES_SQL, period.from, period.to, grade, ids),
            ]);
            const monthly = attendanceFigures(counts, []);
            for (const { forceId, month, p50, p90 } of percentiles) {
              const figures = monthly.get(isoDay(month))?.get(forceId);
              if (figures) figures.percentileMinutes = { p50, p90 };
            }
            return byForce(ids, monthly);
          }),
        );
      }
      return monthlyAttendanceLoaders.get(key)!.load(forceId);
    },
  };
}

export interface ResponseTimesContext {
  prisma: PrismaClient;
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
}

export const createContext = (prisma: PrismaClient, viewer: Viewer, memo: RequestMemo): ResponseTimesContext => ({
  prisma,
  viewer,
  loaders: createLoaders(prisma, memo),
});
