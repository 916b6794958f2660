-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "misconduct";

-- CreateTable
CREATE TABLE "misconduct"."import_batch" (
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
CREATE TABLE "misconduct"."misconduct_case" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "case_type" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_sex" TEXT NOT NULL,
    "subject_ethnicity" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "opened_on" DATE NOT NULL,
    "proceedings" TEXT,
    "proceedings_on" DATE,
    "finding" TEXT,
    "outcome" TEXT,
    "closed_on" DATE,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "misconduct_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "misconduct"."vetting_return" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "level" TEXT NOT NULL,
    "applications" INTEGER NOT NULL,
    "refusals" INTEGER NOT NULL,
    "renewals_due" INTEGER NOT NULL,
    "renewals_overdue" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "vetting_return_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "misconduct_case_opened_on_force_id_idx" ON "misconduct"."misconduct_case"("opened_on", "force_id");

-- CreateIndex
CREATE UNIQUE INDEX "misconduct_case_force_id_reference_key" ON "misconduct"."misconduct_case"("force_id", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "vetting_return_force_id_period_start_level_key" ON "misconduct"."vetting_return"("force_id", "period_start", "level");
