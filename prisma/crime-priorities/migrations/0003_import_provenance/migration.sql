-- AlterTable
ALTER TABLE "crime_priorities"."import_batch" ADD COLUMN     "rejections" JSONB,
ADD COLUMN     "superseded_by_batch_id" INTEGER;

-- CreateIndex
CREATE INDEX "import_batch_kind_sha256_idx" ON "crime_priorities"."import_batch"("kind", "sha256");
