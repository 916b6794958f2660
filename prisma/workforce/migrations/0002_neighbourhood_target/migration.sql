-- CreateTable
CREATE TABLE "workforce"."neighbourhood_target" (
    "id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "baseline_on" DATE NOT NULL,
    "baseline_fte" DECIMAL(10,2) NOT NULL,
    "target_on" DATE NOT NULL,
    "target_fte" DECIMAL(10,2) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "neighbourhood_target_pkey" PRIMARY KEY ("id")
);
