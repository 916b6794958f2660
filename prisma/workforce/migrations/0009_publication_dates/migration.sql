-- AlterTable
ALTER TABLE "workforce"."import_batch" ADD COLUMN     "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "published_on" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "published_on_source" TEXT NOT NULL DEFAULT 'load date';

-- Batches already loaded were published, as far as the hub knows, when they were loaded.
UPDATE "workforce"."import_batch" SET "published_at" = COALESCE("finished_at", "started_at"), "published_on" = (COALESCE("finished_at", "started_at") AT TIME ZONE 'Europe/London')::date;

-- workforce_record as published at an instant, by publication: rows of loads published by then (a backfilled
-- older publication counts from its own day, not the day it was loaded), with rows a revision published later has since replaced.
CREATE OR REPLACE FUNCTION "workforce"."workforce_record_as_published"(published_at timestamptz) RETURNS SETOF "workforce"."workforce_record" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "workforce"."workforce_record" t JOIN "workforce".import_batch b ON b.id = t.batch_id WHERE b.finished_at IS NOT NULL AND b.published_at < $1
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"workforce"."workforce_record", r.row)).*
  FROM "workforce".replaced_row r
  JOIN "workforce".import_batch b ON b.id = r.batch_id
  JOIN "workforce".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'workforce_record' AND b.finished_at IS NOT NULL AND b.published_at < $1 AND replacing.published_at >= $1
$$;
