-- CreateTable
CREATE TABLE "response_times"."response_standard" (
    "id" SERIAL NOT NULL,
    "grade" TEXT NOT NULL,
    "area_type" TEXT NOT NULL,
    "threshold_seconds" INTEGER NOT NULL,
    "target_share" DOUBLE PRECISION,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "source" TEXT NOT NULL,

    CONSTRAINT "response_standard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_times"."attendance_month" (
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "grade" TEXT NOT NULL,
    "area_type" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,
    "with_standard" INTEGER NOT NULL,
    "within_standard" INTEGER NOT NULL,

    CONSTRAINT "attendance_month_pkey" PRIMARY KEY ("force_id","month","grade","area_type")
);

-- CreateTable
CREATE TABLE "response_times"."attendance_histogram" (
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "grade" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "incidents" INTEGER NOT NULL,

    CONSTRAINT "attendance_histogram_pkey" PRIMARY KEY ("force_id","month","grade","bucket")
);

-- CreateTable
CREATE TABLE "response_times"."watchlist_rule" (
    "id" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "comparator" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "consecutive_months" INTEGER NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "watchlist_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "response_standard_grade_area_type_effective_from_key" ON "response_times"."response_standard"("grade", "area_type", "effective_from");

-- CreateIndex
CREATE INDEX "attendance_month_month_grade_idx" ON "response_times"."attendance_month"("month", "grade");

-- CreateIndex
CREATE INDEX "attendance_histogram_month_grade_idx" ON "response_times"."attendance_histogram"("month", "grade");
