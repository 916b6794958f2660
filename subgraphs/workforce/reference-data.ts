import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";

/** The Neighbourhood Policing Guarantee's baseline and target: reference data, seeded at every start whatever else is loaded. */
export async function seedWorkforceReference(sql: SqlClient): Promise<void> {
  await bulkInsert(
    sql,
    "workforce.neighbourhood_target",
    {
      id: "text",
      description: "text",
      baseline_on: "date",
      baseline_fte: "numeric",
      target_on: "date",
      target_fte: "numeric",
      source: "text",
    },
    [
      [
        "NPG_2029",
        "Neighbourhood Policing Guarantee",
        "2025-03-31",
        17_175,
        "2029-03-31",
        30_175,
        "Home Office: 17,175 FTE at 31 March 2025 (11,104 officers, 6,071 PCSOs); 30,175 by 2029",
      ],
    ],
    { keepExisting: true },
  );
}
