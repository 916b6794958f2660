import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";

/** Watchlist rules: reference data, seeded at every start whatever else is loaded. */
export async function seedMisconductReference(sql: SqlClient): Promise<void> {
  await bulkInsert(
    sql,
    "misconduct.watchlist_rule",
    { id: "text", measure: "text", comparator: "text", threshold: "float8", consecutive_months: "int", description: "text" },
    [
      [
        "MISCONDUCT_PER_100_OFFICERS_WORST_5",
        "MISCONDUCT_CASES_PER_100_OFFICERS",
        "AMONG_WORST",
        5,
        0,
        "Misconduct cases per 100 officers among the 5 highest forces",
      ],
    ],
    { keepExisting: true },
  );
}
