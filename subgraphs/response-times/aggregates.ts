import type { SqlClient } from "../shared/database/open.ts";
import { BUCKET_SECONDS } from "./measures.ts";

/** Which force × months to rebuild; omitted parts mean all. */
export interface AggregateScope {
  forceIds?: string[];
  months?: Date[];
}

const SCOPE = `($1::text[] IS NULL OR force_id = ANY($1::text[])) AND ($2::date[] IS NULL OR month = ANY($2::date[]))`;

/**
 * Counts per force, month, grade and area type, each incident judged by the standard in force on its
 * call's day (UK time). `incidents` is the incident table or its as-published function, aliased `i`.
 */
export const attendanceMonthSelect = (incidents: string, where = "true") => `
  SELECT i.force_id, i.month, i.grade, i.area_type, count(*)::int AS incidents, count(i.arrived_at)::int AS attended, count(s.id)::int AS with_standard,
         count(*) FILTER (WHERE i.arrived_at - i.call_connected_at <= make_interval(secs => s.threshold_seconds))::int AS within_standard,
         array_agg(DISTINCT i.batch_id ORDER BY i.batch_id) AS batch_ids
  FROM ${incidents} i
  LEFT JOIN response_times.response_standard s
    ON s.grade = i.grade AND s.area_type = i.area_type
   AND (i.call_connected_at AT TIME ZONE 'Europe/London')::date >= s.effective_from
   AND (s.effective_to IS NULL OR (i.call_connected_at AT TIME ZONE 'Europe/London')::date <= s.effective_to)
  WHERE ${where}
  GROUP BY i.force_id, i.month, i.grade, i.area_type`;

/** Attended incidents per force, month, grade and ${BUCKET_SECONDS}-second bucket of the attendance time. */
export const attendanceHistogramSelect = (incidents: string, where = "true") => `
  SELECT i.force_id, i.month, i.grade, GREATEST(0, floor(EXTRACT(EPOCH FROM i.arrived_at - i.call_connected_at) / ${BUCKET_SECONDS}))::int AS bucket, count(*)::int AS incidents
  FROM ${incidents} i
  WHERE i.arrived_at IS NOT NULL AND ${where}
  GROUP BY 1, 2, 3, 4`;

/**
 * Median and P90 per force, month and grade from the histogram, by the rule of percentileFromHistogram:
 * values spread evenly within their bucket, linear interpolation between the values at ranks
 * floor and ceil of p × (n − 1). Only the buckets holding those ranks survive the filter.
 */
const MONTH_PERCENTILES_SQL = `
  INSERT INTO response_times.attendance_month_percentile (force_id, month, grade, p50_minutes, p90_minutes)
  WITH cumulative AS (
    SELECT force_id, month, grade, bucket, incidents::float8 AS n,
           (sum(incidents) OVER (PARTITION BY force_id, month, grade ORDER BY bucket) - incidents)::float8 AS before,
           (sum(incidents) OVER (PARTITION BY force_id, month, grade))::float8 AS total
    FROM response_times.attendance_histogram
    WHERE ${SCOPE}
  ), ranks AS (
    SELECT cumulative.*, 0.5 * (total - 1) AS r50, 0.9 * (total - 1) AS r90 FROM cumulative
  ), hits AS (
    SELECT force_id, month, grade, r50, r90,
      CASE WHEN floor(r50) >= before AND floor(r50) < before + n THEN (bucket + (floor(r50) - before + 0.5) / n) * ${BUCKET_SECONDS} END AS low50,
      CASE WHEN ceil(r50) >= before AND ceil(r50) < before + n THEN (bucket + (ceil(r50) - before + 0.5) / n) * ${BUCKET_SECONDS} END AS high50,
      CASE WHEN floor(r90) >= before AND floor(r90) < before + n THEN (bucket + (floor(r90) - before + 0.5) / n) * ${BUCKET_SECONDS} END AS low90,
      CASE WHEN ceil(r90) >= before AND ceil(r90) < before + n THEN (bucket + (ceil(r90) - before + 0.5) / n) * ${BUCKET_SECONDS} END AS high90
    FROM ranks
    WHERE (ceil(r50) >= before AND floor(r50) < before + n) OR (ceil(r90) >= before AND floor(r90) < before + n)
  )
  SELECT force_id, month, grade,
         (max(low50) + (max(r50) - floor(max(r50))) * (max(high50) - max(low50))) / 60,
         (max(low90) + (max(r90) - floor(max(r90))) * (max(high90) - max(low90))) / 60
  FROM hits GROUP BY force_id, month, grade`;

/**
 * Rebuilds the attendance pre-aggregates for the given force × months from the incidents, in the
 * caller's transaction, against the standard in force on each call's day (UK time). Percentiles
 * over any months or forces are then sums of these rows, never a scan of incidents.
 */
export async function refreshAttendanceAggregates(sql: SqlClient, scope: AggregateScope = {}): Promise<void> {
  const params = [scope.forceIds ?? null, scope.months ?? null];
  await sql.query(`DELETE FROM response_times.attendance_month WHERE ${SCOPE}`, params);
  await sql.query(`DELETE FROM response_times.attendance_histogram WHERE ${SCOPE}`, params);
  await sql.query(`DELETE FROM response_times.attendance_month_percentile WHERE ${SCOPE}`, params);
  const incidentScope = SCOPE.replace(/force_id/g, "i.force_id").replace(/month/g, "i.month");
  await sql.query(
    `INSERT INTO response_times.attendance_month (force_id, month, grade, area_type, incidents, attended, with_standard, within_standard, batch_ids)
     ${attendanceMonthSelect("response_times.incident", incidentScope)}`,
    params,
  );
  await sql.query(
    `INSERT INTO response_times.attendance_histogram (force_id, month, grade, bucket, incidents)
     ${attendanceHistogramSelect("response_times.incident", incidentScope)}
     ORDER BY grade, month, force_id, bucket`,
    params,
  );
  await sql.query(MONTH_PERCENTILES_SQL, params);
  // Fresh statistics, or the planner guesses a few rows and sorts on disk.
  await sql.query(
    "ANALYZE response_times.attendance_month, response_times.attendance_histogram, response_times.attendance_month_percentile",
  );
}
