-- AlterTable
ALTER TABLE "forces"."import_batch" ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);
