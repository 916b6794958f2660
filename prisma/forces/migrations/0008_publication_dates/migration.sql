-- AlterTable
ALTER TABLE "forces"."import_batch" ADD COLUMN     "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "published_on" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "published_on_source" TEXT NOT NULL DEFAULT 'load date';

-- Batches already loaded were published, as far as the hub knows, when they were loaded.
UPDATE "forces"."import_batch" SET "published_at" = COALESCE("finished_at", "started_at"), "published_on" = (COALESCE("finished_at", "started_at") AT TIME ZONE 'Europe/London')::date;
