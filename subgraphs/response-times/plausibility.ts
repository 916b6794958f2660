import type { PlausibilityCheck } from "../shared/ingest/plausibility.ts";

/**
 * Incidents per force and month from incident files (months fed by other loads, such as the sample,
 * left out), from the pre-aggregates; unaliased, so "as published" can swap the table for a subquery.
 */
export const INCIDENT_MONTHS: PlausibilityCheck = {
  measure: "incidents (response incident file)",
  monthlyTotalsSql: `
    SELECT attendance_month.force_id AS "forceId", to_char(attendance_month.month, 'YYYY-MM-DD') AS month, sum(attendance_month.incidents)::int AS count,
           max(attendance_month.batch_ids[1]) AS "batchId"
    FROM response_times.attendance_month
    WHERE NOT EXISTS (SELECT 1 FROM response_times.import_batch b WHERE b.id = ANY(attendance_month.batch_ids) AND b.kind <> 'response-incidents')
    GROUP BY 1, 2`,
};

/** 999 calls received per force and month from the BT 999 files, as loaded. */
export const CALLS_999_MONTHS: PlausibilityCheck = {
  measure: "999 calls received (999 answer times file)",
  monthlyTotalsSql: `
    SELECT c.force_id AS "forceId", to_char(c.month, 'YYYY-MM-DD') AS month, sum(c.calls_received)::int AS count, max(c.batch_id) AS "batchId"
    FROM response_times.calls_999_month c JOIN response_times.import_batch b ON b.id = c.batch_id
    WHERE b.kind = 'calls-999' GROUP BY 1, 2`,
};
