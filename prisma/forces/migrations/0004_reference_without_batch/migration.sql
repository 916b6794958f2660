-- AlterTable
ALTER TABLE "forces"."force" ALTER COLUMN "batch_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "forces"."governance" ALTER COLUMN "batch_id" DROP NOT NULL;
