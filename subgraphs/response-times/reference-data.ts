import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";

/**
 * The national model (January 2026): emergency attendance within 15 minutes urban and 20 rural.
 * Applied from April 2023 so every month of every force is measured the same way.
 */
const NATIONAL_STANDARDS = [
  ["EMERGENCY", "URBAN", 15 * 60],
  ["EMERGENCY", "RURAL", 20 * 60],
].map(([grade, areaType, seconds]) => [
  grade,
  areaType,
  seconds,
  null,
  "2023-04-01",
  null,
  "National response model, January 2026 (applied from April 2023)",
]);

const WATCHLIST_RULES = [
  [
    "EMERGENCY_WITHIN_STANDARD_BELOW_80_3M",
    "EMERGENCY_WITHIN_STANDARD_SHARE",
    "BELOW",
    0.8,
    3,
    "Emergency incidents attended within the standard below 80% for 3 consecutive months",
  ],
  [
    "CALLS_999_WITHIN_10S_BELOW_90",
    "CALLS_999_ANSWERED_WITHIN_10S_SHARE",
    "BELOW",
    0.9,
    1,
    "999 calls answered within 10 seconds below the 90% standard in a month",
  ],
];

/** Response standards and watchlist rules: reference data, seeded at every start whatever else is loaded. */
export async function seedResponseTimesReference(sql: SqlClient): Promise<void> {
  await bulkInsert(
    sql,
    "response_times.response_standard",
    {
      grade: "text",
      area_type: "text",
      threshold_seconds: "int",
      target_share: "float8",
      effective_from: "date",
      effective_to: "date",
      source: "text",
    },
    NATIONAL_STANDARDS,
    { keepExisting: true },
  );
  await bulkInsert(
    sql,
    "response_times.watchlist_rule",
    { id: "text", measure: "text", comparator: "text", threshold: "float8", consecutive_months: "int", description: "text" },
    WATCHLIST_RULES,
    { keepExisting: true },
  );
}
