-- AlterTable
ALTER TABLE "response_times"."attendance_month" ADD COLUMN     "batch_ids" INTEGER[];
