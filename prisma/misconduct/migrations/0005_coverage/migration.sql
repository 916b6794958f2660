-- AlterTable
ALTER TABLE "misconduct"."import_batch" ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "misconduct"."replaced_row" ADD COLUMN     "restored_by_batch_id" INTEGER;

-- CreateTable
CREATE TABLE "misconduct"."source_measure" (
    "kind" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "precedence" INTEGER NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "source_measure_pkey" PRIMARY KEY ("kind","measure")
);

-- CreateTable
CREATE TABLE "misconduct"."batch_coverage" (
    "batch_id" INTEGER NOT NULL,
    "force_id" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "superseded_by_batch_id" INTEGER,

    CONSTRAINT "batch_coverage_pkey" PRIMARY KEY ("batch_id","force_id","measure","period_start")
);

-- CreateIndex
CREATE INDEX "batch_coverage_measure_force_id_period_start_idx" ON "misconduct"."batch_coverage"("measure", "force_id", "period_start");

-- Reference data: which source kinds can give which measure, and which wins (higher precedence).
INSERT INTO "misconduct"."source_measure" (kind, measure, precedence, note) VALUES
  ('sample', 'MISCONDUCT_CASES', 0, 'Synthetic sample.'),
  ('sample', 'VETTING', 0, 'Synthetic sample.'),
  ('misconduct', 'MISCONDUCT_CASES', 10, 'Case-level misconduct submissions: each force covers the months from its first case to its last.'),
  ('vetting', 'VETTING', 10, 'Quarterly vetting returns.');

-- What the loads so far cover: each live batch's force-months (cases) and quarters (vetting).
INSERT INTO "misconduct"."batch_coverage" (batch_id, force_id, measure, period_start, period_end)
SELECT DISTINCT t.batch_id, t.force_id, sm.measure, t.period_start, t.period_end
FROM (SELECT batch_id, force_id, date_trunc('month', opened_on)::date AS period_start,
             (date_trunc('month', opened_on) + interval '1 month - 1 day')::date AS period_end, 'MISCONDUCT_CASES' AS measure FROM "misconduct"."misconduct_case"
      UNION SELECT batch_id, force_id, period_start, period_end, 'VETTING' FROM "misconduct"."vetting_return") t
JOIN "misconduct"."import_batch" b ON b.id = t.batch_id
JOIN "misconduct"."source_measure" sm ON sm.kind = b.kind AND sm.measure = t.measure;
