import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";

/** Watchlist rules: reference data, seeded at every start whatever else is loaded (source mappings come with the migrations). */
export async function seedCrimePrioritiesReference(sql: SqlClient): Promise<void> {
  await bulkInsert(
    sql,
    "crime_priorities.watchlist_rule",
    { id: "text", measure: "text", comparator: "text", threshold: "float8", consecutive_months: "int", description: "text" },
    [
      [
        "KNIFE_CRIME_RISE_10_ABOVE_MSG",
        "KNIFE_CRIME_RATE_PER_1000",
        "RISE_ABOVE_MOST_SIMILAR_GROUP",
        0.1,
        0,
        "Knife crime rate up more than 10% on a year earlier and above the most similar group's",
      ],
    ],
    { keepExisting: true },
  );
}
