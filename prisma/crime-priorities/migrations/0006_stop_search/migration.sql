-- CreateTable
CREATE TABLE "crime_priorities"."stop_search" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "search_type" TEXT NOT NULL,
    "object_of_search" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "outcome_linked" BOOLEAN,
    "searches" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "stop_search_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stop_search_month_force_id_idx" ON "crime_priorities"."stop_search"("month", "force_id");

-- CreateIndex
CREATE UNIQUE INDEX "stop_search_force_id_month_search_type_object_of_search_out_key" ON "crime_priorities"."stop_search"("force_id", "month", "search_type", "object_of_search", "outcome", "outcome_linked");
