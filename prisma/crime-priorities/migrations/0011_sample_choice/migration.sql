-- CreateTable
CREATE TABLE "crime_priorities"."sample_choice" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "holds_sample" BOOLEAN NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by" TEXT NOT NULL,

    CONSTRAINT "sample_choice_pkey" PRIMARY KEY ("id")
);
