-- AlterTable
ALTER TABLE "misconduct"."import_batch" ADD COLUMN     "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "published_on" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "published_on_source" TEXT NOT NULL DEFAULT 'load date';

-- Batches already loaded were published, as far as the hub knows, when they were loaded.
UPDATE "misconduct"."import_batch" SET "published_at" = COALESCE("finished_at", "started_at"), "published_on" = (COALESCE("finished_at", "started_at") AT TIME ZONE 'Europe/London')::date;

-- misconduct_case as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "misconduct"."misconduct_case_as_published"(published_at timestamptz) RETURNS SETOF "misconduct"."misconduct_case" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "misconduct"."misconduct_case" t JOIN "misconduct".import_batch b ON b.id = t.batch_id
  WHERE b.finished_at IS NOT NULL AND b.published_at < $1 AND NOT EXISTS (
    SELECT 1 FROM "misconduct".batch_coverage c JOIN "misconduct".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.batch_id = t.batch_id AND c.force_id = t.force_id AND c.measure = 'MISCONDUCT_CASES' AND c.period_start = date_trunc('month', t.opened_on)::date
      AND s.finished_at IS NOT NULL AND s.published_at < $1 AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= $1))
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"misconduct"."misconduct_case", r.row)).*
  FROM "misconduct".replaced_row r
  JOIN "misconduct".import_batch b ON b.id = r.batch_id
  JOIN "misconduct".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'misconduct_case' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;

-- vetting_return as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "misconduct"."vetting_return_as_published"(published_at timestamptz) RETURNS SETOF "misconduct"."vetting_return" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "misconduct"."vetting_return" t JOIN "misconduct".import_batch b ON b.id = t.batch_id
  WHERE b.finished_at IS NOT NULL AND b.published_at < $1 AND NOT EXISTS (
    SELECT 1 FROM "misconduct".batch_coverage c JOIN "misconduct".import_batch s ON s.id = c.superseded_by_batch_id
    WHERE c.batch_id = t.batch_id AND c.force_id = t.force_id AND c.measure = 'VETTING' AND c.period_start = t.period_start
      AND s.finished_at IS NOT NULL AND s.published_at < $1 AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= $1))
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"misconduct"."vetting_return", r.row)).*
  FROM "misconduct".replaced_row r
  JOIN "misconduct".import_batch b ON b.id = r.batch_id
  JOIN "misconduct".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'vetting_return' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;
