-- AlterTable
ALTER TABLE "workforce"."workforce_record" ALTER COLUMN "fte" DROP NOT NULL,
ALTER COLUMN "fte" SET DATA TYPE DECIMAL(14,5);

-- The bulletin tables give FTE by worker type (and special constables' headcount) without sex, rank or
-- function: below the open data tables, which give the same snapshot in more detail, and above the
-- functions table's totals.
INSERT INTO "workforce"."source_measure" (kind, measure, precedence, note) VALUES
  ('ho-workforce-tables', 'WORKFORCE_FTE', 15, 'Home Office workforce bulletin tables: FTE by worker type and special constables'' headcount by force, no sex, rank or function.');
