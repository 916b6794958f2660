import type { SqlClient } from "../database/open.ts";

/**
 * Loads and withdrawals in one subgraph take turns: each holds this transaction-level advisory
 * lock, so two imports of the same force and month never race on the same rows, and the later
 * one finds the earlier committed and supersedes it.
 */
export async function lockSubgraphLoads(sql: SqlClient, schema: string): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hub-load:${schema}`]);
}
