import type { SqlClient } from "../database/open.ts";

/**
 * Moves the rows of other batches in the given force × period scopes ("<force>|<YYYY-MM-DD>") out
 * of `table` ("schema.table") into the schema's replaced_row, whole, so figures can still be read
 * as published before this revision; returns the ids of the batches that lost rows. `periodOfRow`
 * is the SQL for a row's period, the table being aliased `t` (e.g. `t.month`, or
 * `date_trunc('month', t.opened_on)::date`); `onlyRows` narrows the rows a kind owns in a table it shares.
 */
export async function replaceForcePeriodScopes(
  sql: SqlClient, table: string, periodOfRow: string, scopes: string[], batchId: number, onlyRows = "true",
): Promise<number[]> {
  const [schema, tableName] = table.split(".");
  const rows = await sql.query<{ batch_id: number }>(
    `WITH gone AS (
       DELETE FROM ${table} t USING unnest($1::text[], $2::date[]) AS s(force_id, period)
       WHERE t.force_id = s.force_id AND ${periodOfRow} = s.period AND t.batch_id <> $3 AND (${onlyRows})
       RETURNING t.*),
     kept AS (
       INSERT INTO ${schema}.replaced_row (table_name, batch_id, replaced_by_batch_id, row)
       SELECT $4, gone.batch_id, $3, to_jsonb(gone) FROM gone
       RETURNING batch_id)
     SELECT DISTINCT batch_id FROM kept`,
    [scopes.map((scope) => scope.split("|")[0]), scopes.map((scope) => scope.split("|")[1]), batchId, tableName],
  );
  return rows.map((row) => row.batch_id);
}
