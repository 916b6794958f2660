-- AlterTable
ALTER TABLE "response_times"."import_batch" ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "response_times"."replaced_row" ADD COLUMN     "restored_by_batch_id" INTEGER;

-- CreateTable
CREATE TABLE "response_times"."source_measure" (
    "kind" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "precedence" INTEGER NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "source_measure_pkey" PRIMARY KEY ("kind","measure")
);

-- CreateTable
CREATE TABLE "response_times"."batch_coverage" (
    "batch_id" INTEGER NOT NULL,
    "force_id" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "superseded_by_batch_id" INTEGER,

    CONSTRAINT "batch_coverage_pkey" PRIMARY KEY ("batch_id","force_id","measure","period_start")
);

-- CreateIndex
CREATE INDEX "batch_coverage_measure_force_id_period_start_idx" ON "response_times"."batch_coverage"("measure", "force_id", "period_start");

-- Reference data: which source kinds can give which measure, and which wins (higher precedence).
INSERT INTO "response_times"."source_measure" (kind, measure, precedence, note) VALUES
  ('sample', 'ATTENDANCE', 0, 'Synthetic sample.'),
  ('sample', 'CALLS_999', 0, 'Synthetic sample.'),
  ('response-incidents', 'ATTENDANCE', 10, 'Incident-level submissions in the hub''s format, measured the same way for every force.'),
  ('calls-999', 'CALLS_999', 10, '999 call answering by force and month.');

-- What the loads so far cover: each live batch's force-months, for the measures its kind gives.
INSERT INTO "response_times"."batch_coverage" (batch_id, force_id, measure, period_start, period_end)
SELECT DISTINCT t.batch_id, t.force_id, sm.measure, t.month, (t.month + interval '1 month - 1 day')::date
FROM (SELECT batch_id, force_id, month, 'ATTENDANCE' AS measure FROM "response_times"."incident"
      UNION SELECT batch_id, force_id, month, 'CALLS_999' FROM "response_times"."calls_999_month") t
JOIN "response_times"."import_batch" b ON b.id = t.batch_id
JOIN "response_times"."source_measure" sm ON sm.kind = b.kind AND sm.measure = t.measure;
