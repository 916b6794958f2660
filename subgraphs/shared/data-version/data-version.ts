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

export async function readDataVersion(sql: SqlClient, schema: string): Promise<number> {
  const [row] = await sql.query<{ version: string }>(`SELECT version::text AS version FROM "${schema}".data_version WHERE id = 1`);
  return row ? Number(row.version) : 0;
}
