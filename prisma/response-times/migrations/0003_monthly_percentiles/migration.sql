-- CreateTable
CREATE TABLE "response_times"."attendance_month_percentile" (
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "grade" TEXT NOT NULL,
    "p50_minutes" DOUBLE PRECISION NOT NULL,
    "p90_minutes" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "attendance_month_percentile_pkey" PRIMARY KEY ("force_id","month","grade")
);

-- CreateIndex
CREATE INDEX "attendance_month_percentile_month_grade_idx" ON "response_times"."attendance_month_percentile"("month", "grade");
