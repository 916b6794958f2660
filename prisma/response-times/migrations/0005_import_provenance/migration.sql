-- AlterTable
ALTER TABLE "response_times"."import_batch" ADD COLUMN     "rejections" JSONB,
ADD COLUMN     "superseded_by_batch_id" INTEGER;

-- CreateIndex
CREATE INDEX "import_batch_kind_sha256_idx" ON "response_times"."import_batch"("kind", "sha256");
