-- CreateTable
CREATE TABLE "misconduct"."watchlist_rule" (
    "id" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "comparator" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "consecutive_months" INTEGER NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "watchlist_rule_pkey" PRIMARY KEY ("id")
);
