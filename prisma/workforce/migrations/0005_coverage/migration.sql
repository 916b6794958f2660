-- AlterTable
ALTER TABLE "workforce"."import_batch" ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workforce"."replaced_row" ADD COLUMN     "restored_by_batch_id" INTEGER;

-- CreateTable
CREATE TABLE "workforce"."source_measure" (
    "kind" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "precedence" INTEGER NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "source_measure_pkey" PRIMARY KEY ("kind","measure")
);

-- CreateTable
CREATE TABLE "workforce"."batch_coverage" (
    "batch_id" INTEGER NOT NULL,
    "force_id" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "superseded_by_batch_id" INTEGER,

    CONSTRAINT "batch_coverage_pkey" PRIMARY KEY ("batch_id","force_id","measure","period_start")
);

-- CreateIndex
CREATE INDEX "batch_coverage_measure_force_id_period_start_idx" ON "workforce"."batch_coverage"("measure", "force_id", "period_start");

-- Reference data: which source kinds can give which measure, and which wins (higher precedence).
INSERT INTO "workforce"."source_measure" (kind, measure, precedence, note) VALUES
  ('sample', 'WORKFORCE_FTE', 0, 'Synthetic sample.'),
  ('sample', 'NEIGHBOURHOOD_FTE', 0, 'Synthetic sample.'),
  ('sample', 'FRONTLINE_FTE', 0, 'Synthetic sample.'),
  ('ho-workforce', 'WORKFORCE_FTE', 10, 'Home Office workforce open data: FTE by worker type, sex and rank, without functions.'),
  ('ho-workforce-functions', 'WORKFORCE_FTE', 20, 'Home Office workforce by function: FTE by worker type and function.'),
  ('ho-workforce-functions', 'NEIGHBOURHOOD_FTE', 20, 'Function "Neighbourhood policing" (officers and PCSOs).'),
  ('ho-workforce-functions', 'FRONTLINE_FTE', 20, 'Frontline status of each function.');

-- What the loads so far cover: each live batch's force snapshots, for the measures its kind gives.
INSERT INTO "workforce"."batch_coverage" (batch_id, force_id, measure, period_start, period_end)
SELECT DISTINCT t.batch_id, t.force_id, sm.measure, t.as_at, t.as_at
FROM "workforce"."workforce_record" t
JOIN "workforce"."import_batch" b ON b.id = t.batch_id
JOIN "workforce"."source_measure" sm ON sm.kind = b.kind;
