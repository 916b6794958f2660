-- AlterTable
ALTER TABLE "response_times"."import_batch" ADD COLUMN     "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "published_on" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "published_on_source" TEXT NOT NULL DEFAULT 'load date';

-- Batches already loaded were published, as far as the hub knows, when they were loaded.
UPDATE "response_times"."import_batch" SET "published_at" = COALESCE("finished_at", "started_at"), "published_on" = (COALESCE("finished_at", "started_at") AT TIME ZONE 'Europe/London')::date;

-- incident as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "response_times"."incident_as_published"(published_at timestamptz) RETURNS SETOF "response_times"."incident" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "response_times"."incident" t JOIN "response_times".import_batch b ON b.id = t.batch_id
  WHERE b.finished_at IS NOT NULL AND b.published_at < $1 AND NOT EXISTS (
    SELECT 1 FROM "response_times".batch_coverage c JOIN "response_times".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.batch_id = t.batch_id AND c.force_id = t.force_id AND c.measure = 'ATTENDANCE' AND c.period_start = t.month
      AND s.finished_at IS NOT NULL AND s.published_at < $1 AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= $1))
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"response_times"."incident", r.row)).*
  FROM "response_times".replaced_row r
  JOIN "response_times".import_batch b ON b.id = r.batch_id
  JOIN "response_times".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'incident' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;

-- calls_999_month as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "response_times"."calls_999_month_as_published"(published_at timestamptz) RETURNS SETOF "response_times"."calls_999_month" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "response_times"."calls_999_month" t JOIN "response_times".import_batch b ON b.id = t.batch_id
  WHERE b.finished_at IS NOT NULL AND b.published_at < $1 AND NOT EXISTS (
    SELECT 1 FROM "response_times".batch_coverage c JOIN "response_times".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.batch_id = t.batch_id AND c.force_id = t.force_id AND c.measure = 'CALLS_999' AND c.period_start = t.month
      AND s.finished_at IS NOT NULL AND s.published_at < $1 AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= $1))
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"response_times"."calls_999_month", r.row)).*
  FROM "response_times".replaced_row r
  JOIN "response_times".import_batch b ON b.id = r.batch_id
  JOIN "response_times".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'calls_999_month' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;
