-- DropIndex
DROP INDEX "crime_priorities"."recorded_offence_force_id_month_offence_code_vawg_knife_cri_key";

-- AlterTable
ALTER TABLE "crime_priorities"."import_batch" ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "crime_priorities"."recorded_offence" ADD COLUMN     "period_end" DATE;
-- Every row loaded so far counts one month (quarterly files were held at the quarter's first month).
UPDATE "crime_priorities"."recorded_offence" SET period_end = (month + interval '1 month - 1 day')::date;
UPDATE "crime_priorities"."replaced_row" SET "row" = "row" || jsonb_build_object('period_end', ((("row"->>'month')::date + interval '1 month - 1 day')::date)::text)
WHERE table_name = 'recorded_offence';
ALTER TABLE "crime_priorities"."recorded_offence" ALTER COLUMN "period_end" SET NOT NULL;

-- AlterTable
ALTER TABLE "crime_priorities"."replaced_row" ADD COLUMN     "restored_by_batch_id" INTEGER;

-- CreateTable
CREATE TABLE "crime_priorities"."source_measure" (
    "kind" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "precedence" INTEGER NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "source_measure_pkey" PRIMARY KEY ("kind","measure")
);

-- CreateTable
CREATE TABLE "crime_priorities"."batch_coverage" (
    "batch_id" INTEGER NOT NULL,
    "force_id" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "superseded_by_batch_id" INTEGER,

    CONSTRAINT "batch_coverage_pkey" PRIMARY KEY ("batch_id","force_id","measure","period_start")
);

-- CreateIndex
CREATE INDEX "batch_coverage_measure_force_id_period_start_idx" ON "crime_priorities"."batch_coverage"("measure", "force_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "recorded_offence_force_id_month_period_end_offence_code_vaw_key" ON "crime_priorities"."recorded_offence"("force_id", "month", "period_end", "offence_code", "vawg", "knife_crime", "csa");

-- Reference data: which source kinds can give which measure, and which wins (higher precedence).
INSERT INTO "crime_priorities"."source_measure" (kind, measure, precedence, note) VALUES
  ('sample', 'RECORDED_OFFENCES', 0, 'Synthetic sample.'),
  ('sample', 'VAWG', 0, 'Synthetic sample.'),
  ('sample', 'KNIFE_CRIME', 0, 'Synthetic sample.'),
  ('sample', 'CSA', 0, 'Synthetic sample.'),
  ('sample', 'POSSESSION_OF_WEAPONS', 0, 'Synthetic sample.'),
  ('sample', 'VAWG_OUTCOMES', 0, 'Synthetic sample.'),
  ('police-uk-street', 'RECORDED_OFFENCES', 10, 'data.police.uk street-level crime: every crime, by category, with no VAWG, knife or CSA flag.'),
  ('police-uk-street', 'POSSESSION_OF_WEAPONS', 10, 'The street category "Possession of weapons": any weapon, not knife crime.'),
  ('ho-recorded-crime', 'RECORDED_OFFENCES', 20, 'Police recorded crime by force, quarterly: the official statistic, preferred to street data.'),
  ('ho-recorded-crime', 'VAWG', 20, 'Offence codes flagged VAWG in offence_code_mapping.'),
  ('ho-recorded-crime', 'CSA', 20, 'Offence codes flagged CSA in offence_code_mapping.'),
  ('ho-recorded-crime', 'POSSESSION_OF_WEAPONS', 20, 'Offence group "Possession of weapons offences".'),
  ('ons-knife-crime', 'KNIFE_CRIME', 20, 'ONS: police recorded offences involving a knife or sharp instrument, by police force area.'),
  ('police-uk-outcomes', 'RECORDED_CRIME_OUTCOMES', 10, 'data.police.uk outcomes: outcomes assigned to all recorded crime.'),
  ('police-uk-stop-search', 'STOP_AND_SEARCH', 10, 'data.police.uk stop and search.');

-- What the loads so far cover: each live batch's force-months, for the measures its kind gives.
INSERT INTO "crime_priorities"."batch_coverage" (batch_id, force_id, measure, period_start, period_end)
SELECT DISTINCT t.batch_id, t.force_id, sm.measure, t.month, (t.month + interval '1 month - 1 day')::date
FROM (SELECT batch_id, force_id, month FROM "crime_priorities"."recorded_offence"
      UNION SELECT batch_id, force_id, month FROM "crime_priorities"."offence_outcome"
      UNION SELECT batch_id, force_id, month FROM "crime_priorities"."stop_search") t
JOIN "crime_priorities"."import_batch" b ON b.id = t.batch_id
JOIN "crime_priorities"."source_measure" sm ON sm.kind = b.kind;
