-- DropIndex
DROP INDEX "response_times"."attendance_histogram_month_grade_idx";

-- CreateIndex
CREATE INDEX "attendance_histogram_grade_month_force_id_bucket_incidents_idx" ON "response_times"."attendance_histogram"("grade", "month", "force_id", "bucket", "incidents");
