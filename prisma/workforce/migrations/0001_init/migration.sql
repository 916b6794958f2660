-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "workforce";

-- CreateTable
CREATE TABLE "workforce"."import_batch" (
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
CREATE TABLE "workforce"."workforce_record" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "as_at" DATE NOT NULL,
    "worker_type" TEXT NOT NULL,
    "rank" TEXT,
    "sex" TEXT NOT NULL,
    "function_name" TEXT NOT NULL,
    "frontline_status" TEXT NOT NULL,
    "neighbourhood" BOOLEAN NOT NULL,
    "headcount" INTEGER NOT NULL,
    "fte" DECIMAL(10,2) NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "workforce_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workforce_record_as_at_force_id_idx" ON "workforce"."workforce_record"("as_at", "force_id");
