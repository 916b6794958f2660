-- DropIndex
DROP INDEX "crime_priorities"."stop_search_force_id_month_search_type_object_of_search_out_key";

-- AlterTable
ALTER TABLE "crime_priorities"."stop_search" ADD COLUMN     "clothing_removed" BOOLEAN;

-- CreateIndex
CREATE UNIQUE INDEX "stop_search_force_id_month_search_type_object_of_search_out_key" ON "crime_priorities"."stop_search"("force_id", "month", "search_type", "object_of_search", "outcome", "outcome_linked", "clothing_removed");
