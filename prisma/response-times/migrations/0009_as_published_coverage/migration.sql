-- incident as published at an instant: rows of loads finished by then, including rows a later revision has
-- since replaced, but not rows a withdrawal restored while the load that had superseded them still stood.
CREATE OR REPLACE FUNCTION "response_times"."incident_as_published"(published_at timestamptz) RETURNS SETOF "response_times"."incident" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "response_times"."incident" t JOIN "response_times".import_batch b ON b.id = t.batch_id
  WHERE b.finished_at <= published_at AND NOT EXISTS (
    SELECT 1 FROM "response_times".batch_coverage c JOIN "response_times".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.batch_id = t.batch_id AND c.force_id = t.force_id AND c.measure = 'ATTENDANCE' AND c.period_start = t.month
      AND s.finished_at <= published_at AND (s.withdrawn_at IS NULL OR s.withdrawn_at > published_at))
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"response_times"."incident", r.row)).*
  FROM "response_times".replaced_row r
  JOIN "response_times".import_batch b ON b.id = r.batch_id
  JOIN "response_times".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'incident' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;

-- calls_999_month as published at an instant: rows of loads finished by then, including rows a later revision has
-- since replaced, but not rows a withdrawal restored while the load that had superseded them still stood.
CREATE OR REPLACE FUNCTION "response_times"."calls_999_month_as_published"(published_at timestamptz) RETURNS SETOF "response_times"."calls_999_month" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "response_times"."calls_999_month" t JOIN "response_times".import_batch b ON b.id = t.batch_id
  WHERE b.finished_at <= published_at AND NOT EXISTS (
    SELECT 1 FROM "response_times".batch_coverage c JOIN "response_times".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.batch_id = t.batch_id AND c.force_id = t.force_id AND c.measure = 'CALLS_999' AND c.period_start = t.month
      AND s.finished_at <= published_at AND (s.withdrawn_at IS NULL OR s.withdrawn_at > published_at))
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"response_times"."calls_999_month", r.row)).*
  FROM "response_times".replaced_row r
  JOIN "response_times".import_batch b ON b.id = r.batch_id
  JOIN "response_times".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'calls_999_month' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;
