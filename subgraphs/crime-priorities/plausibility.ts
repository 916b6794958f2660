import type { PlausibilityCheck } from "../shared/ingest/plausibility.ts";

/** Recorded offences per force and month from data.police.uk street files, as loaded (anti-social behaviour is not among them). */
export const STREET_MONTHS: PlausibilityCheck = {
  measure: "recorded offences (data.police.uk street file)",
  monthlyTotalsSql: `
    SELECT r.force_id AS "forceId", to_char(r.month, 'YYYY-MM-DD') AS month, sum(r.offences)::int AS count, max(r.batch_id) AS "batchId"
    FROM crime_priorities.recorded_offence r JOIN crime_priorities.import_batch b ON b.id = r.batch_id
    WHERE b.kind = 'police-uk-street' GROUP BY 1, 2`,
};

/** Searches per force and month from data.police.uk stop and search files, as loaded. */
export const STOP_SEARCH_MONTHS: PlausibilityCheck = {
  measure: "stop and searches (data.police.uk stop and search file)",
  monthlyTotalsSql: `
    SELECT s.force_id AS "forceId", to_char(s.month, 'YYYY-MM-DD') AS month, sum(s.searches)::int AS count, max(s.batch_id) AS "batchId"
    FROM crime_priorities.stop_search s JOIN crime_priorities.import_batch b ON b.id = s.batch_id
    WHERE b.kind = 'police-uk-stop-search' GROUP BY 1, 2`,
};

/** Every monthly count the crime-priorities subgraph checks. */
export const CRIME_PRIORITY_CHECKS = [STREET_MONTHS, STOP_SEARCH_MONTHS];
