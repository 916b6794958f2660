-- CreateTable
CREATE TABLE "forces"."population_estimate" (
    "force_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "population_estimate_pkey" PRIMARY KEY ("force_id","year")
);
