-- AlterTable
ALTER TABLE "crime_priorities"."import_batch" ADD COLUMN     "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "published_on" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "published_on_source" TEXT NOT NULL DEFAULT 'load date';

-- Batches already loaded were published, as far as the hub knows, when they were loaded.
UPDATE "crime_priorities"."import_batch" SET "published_at" = COALESCE("finished_at", "started_at"), "published_on" = (COALESCE("finished_at", "started_at") AT TIME ZONE 'Europe/London')::date;

-- recorded_offence as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "crime_priorities"."recorded_offence_as_published"(published_at timestamptz) RETURNS SETOF "crime_priorities"."recorded_offence" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "crime_priorities"."recorded_offence" t JOIN "crime_priorities".import_batch b ON b.id = t.batch_id WHERE b.finished_at IS NOT NULL AND b.published_at < $1
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"crime_priorities"."recorded_offence", r.row)).*
  FROM "crime_priorities".replaced_row r
  JOIN "crime_priorities".import_batch b ON b.id = r.batch_id
  JOIN "crime_priorities".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'recorded_offence' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;

-- offence_outcome as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "crime_priorities"."offence_outcome_as_published"(published_at timestamptz) RETURNS SETOF "crime_priorities"."offence_outcome" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "crime_priorities"."offence_outcome" t JOIN "crime_priorities".import_batch b ON b.id = t.batch_id WHERE b.finished_at IS NOT NULL AND b.published_at < $1
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"crime_priorities"."offence_outcome", r.row)).*
  FROM "crime_priorities".replaced_row r
  JOIN "crime_priorities".import_batch b ON b.id = r.batch_id
  JOIN "crime_priorities".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'offence_outcome' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;

-- stop_search as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "crime_priorities"."stop_search_as_published"(published_at timestamptz) RETURNS SETOF "crime_priorities"."stop_search" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "crime_priorities"."stop_search" t JOIN "crime_priorities".import_batch b ON b.id = t.batch_id WHERE b.finished_at IS NOT NULL AND b.published_at < $1
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"crime_priorities"."stop_search", r.row)).*
  FROM "crime_priorities".replaced_row r
  JOIN "crime_priorities".import_batch b ON b.id = r.batch_id
  JOIN "crime_priorities".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'stop_search' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;
