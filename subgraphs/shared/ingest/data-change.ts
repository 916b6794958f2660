import type { SqlClient } from "../database/open.ts";
import { markDataChanged } from "../data-version/data-version.ts";

/**
 * Every load, withdrawal and sample change opens its transaction with this. Changes in one subgraph
 * take turns under a transaction-level advisory lock, so two imports of the same force and month
 * never race on the same rows and the later one finds the earlier committed and supersedes it; and
 * the data version moves on, so cached answers built on the old data are never served again.
 */
export async function beginDataChange(sql: SqlClient, schema: string): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hub-load:${schema}`]);
  await markDataChanged(sql, schema);
}
