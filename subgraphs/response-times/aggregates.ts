import type { SqlClient } from "../shared/database/open.ts";
import { BUCKET_SECONDS } from "./measures.ts";

/** Which force × months to rebuild; omitted parts mean all. */
export interface AggregateScope {
  forceIds?: string[];
  months?: Date[];
}

const SCOPE = `($1::text[] IS NULL OR force_id = ANY($1::text[])) AND ($2::date[] IS NULL OR month = ANY($2::date[]))`;

/**
 * Rebuilds the attendance pre-aggregates for the given force × months from the incidents, in the
 * caller's transaction, against the standard in force on each call's day (UK time). Percentiles
 * over any months or forces are then sums of these rows, never a scan of incidents.
 */
export async function refreshAttendanceAggregates(sql: SqlClient, scope: AggregateScope = {}): Promise<void> {
  const params = [scope.forceIds ?? null, scope.months ?? null];
  await sql.query(`DELETE FROM response_times.attendance_month WHERE ${SCOPE}`, params);
  await sql.query(`DELETE FROM response_times.attendance_histogram WHERE ${SCOPE}`, params);
  await sql.query(
    `INSERT INTO response_times.attendance_month (force_id, month, grade, area_type, incidents, attended, with_standard, within_standard)
     SELECT i.force_id, i.month, i.grade, i.area_type, count(*)::int, count(i.arrived_at)::int, count(s.id)::int,
            count(*) FILTER (WHERE i.arrived_at - i.call_connected_at <= make_interval(secs => s.threshold_seconds))::int
     FROM response_times.incident i
     LEFT JOIN response_times.response_standard s
       ON s.grade = i.grade AND s.area_type = i.area_type
      AND (i.call_connected_at AT TIME ZONE 'Europe/London')::date >= s.effective_from
      AND (s.effective_to IS NULL OR (i.call_connected_at AT TIME ZONE 'Europe/London')::date <= s.effective_to)
     WHERE ${SCOPE.replace(/force_id/g, "i.force_id").replace(/month/g, "i.month")}
     GROUP BY i.force_id, i.month, i.grade, i.area_type`,
    params,
  );
  await sql.query(
    `INSERT INTO response_times.attendance_histogram (force_id, month, grade, bucket, incidents)
     SELECT force_id, month, grade, GREATEST(0, floor(EXTRACT(EPOCH FROM arrived_at - call_connected_at) / ${BUCKET_SECONDS}))::int, count(*)::int
     FROM response_times.incident
     WHERE arrived_at IS NOT NULL AND ${SCOPE}
     GROUP BY 1, 2, 3, 4`,
    params,
  );
}
