-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "crime_priorities";

-- CreateTable
CREATE TABLE "crime_priorities"."import_batch" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_loaded" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'LOADED',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crime_priorities"."recorded_offence" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "offence_code" TEXT NOT NULL,
    "offence_description" TEXT NOT NULL,
    "offence_group" TEXT NOT NULL,
    "vawg" BOOLEAN NOT NULL,
    "knife_crime" BOOLEAN NOT NULL,
    "csa" BOOLEAN NOT NULL,
    "offences" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "recorded_offence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crime_priorities"."offence_outcome" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "priority" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "outcomes" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "offence_outcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recorded_offence_month_force_id_idx" ON "crime_priorities"."recorded_offence"("month", "force_id");

-- CreateIndex
CREATE UNIQUE INDEX "recorded_offence_force_id_month_offence_code_vawg_knife_cri_key" ON "crime_priorities"."recorded_offence"("force_id", "month", "offence_code", "vawg", "knife_crime", "csa");

-- CreateIndex
CREATE INDEX "offence_outcome_month_force_id_idx" ON "crime_priorities"."offence_outcome"("month", "force_id");

-- CreateIndex
CREATE UNIQUE INDEX "offence_outcome_force_id_month_priority_outcome_key" ON "crime_priorities"."offence_outcome"("force_id", "month", "priority", "outcome");
