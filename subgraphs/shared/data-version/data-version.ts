import type { SqlClient } from "../database/open.ts";

/** Every subgraph's database announces a change of its data on this channel, with its schema as the payload. */
export const DATA_CHANGED_CHANNEL = "hub_data_changed";

/**
 * Moves the schema's data version on inside the transaction that changes the data: the new number
 * and the NOTIFY both take effect at commit, and neither happens if the transaction rolls back.
 */
export async function markDataChanged(tx: SqlClient, schema: string): Promise<void> {
  await tx.query(
    `INSERT INTO "${schema}".data_version (id, version, changed_at) VALUES (1, 1, now())
     ON CONFLICT (id) DO UPDATE SET version = "${schema}".data_version.version + 1, changed_at = now()`,
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [DATA_CHANGED_CHANNEL, schema]);
}

/**
 * The schema's data version with the moment it was last moved on: two databases that happen to
 * have seen as many changes (one dropped and made again) still never share a version.
 */
export async function readDataVersion(sql: SqlClient, schema: string): Promise<string> {
  const [row] = await sql.query<{ version: string }>(
    `SELECT version::text || '@' || (extract(epoch FROM changed_at) * 1000000)::bigint::text AS version FROM "${schema}".data_version WHERE id = 1`,
  );
  return row?.version ?? "0";
}
