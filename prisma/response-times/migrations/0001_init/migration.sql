-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "response_times";

-- CreateTable
CREATE TABLE "response_times"."import_batch" (
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
CREATE TABLE "response_times"."incident" (
    "id" BIGSERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "area_type" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "call_connected_at" TIMESTAMPTZ(3) NOT NULL,
    "call_answered_at" TIMESTAMPTZ(3),
    "deployed_at" TIMESTAMPTZ(3),
    "arrived_at" TIMESTAMPTZ(3),
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_times"."calls_999_month" (
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "calls_received" INTEGER NOT NULL,
    "answered_within_10s" INTEGER NOT NULL,
    "answered_10_to_60s" INTEGER NOT NULL,
    "answered_over_60s" INTEGER NOT NULL,
    "mean_answer_seconds" DOUBLE PRECISION NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "calls_999_month_pkey" PRIMARY KEY ("force_id","month")
);

-- CreateIndex
CREATE INDEX "incident_force_id_month_grade_idx" ON "response_times"."incident"("force_id", "month", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "incident_force_id_reference_key" ON "response_times"."incident"("force_id", "reference");
