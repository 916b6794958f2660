import type { SqlClient } from "../../subgraphs/shared/database/open.ts";

/**
 * Hand-worked fixtures insert rows straight into a subgraph's tables as batch 1 of kind 'fixture':
 * this finishes that batch and records it as covering the given force-months for one measure, as
 * an import would, so figures read them as loaded data.
 */
export async function coverFixture(
  sql: SqlClient,
  schema: string,
  measure: string,
  forceMonths: [forceId: string, month: string][],
): Promise<void> {
  await sql.query(`UPDATE ${schema}.import_batch SET finished_at = now() WHERE id = 1`);
  await sql.query(
    `INSERT INTO ${schema}.source_measure (kind, measure, precedence, note) VALUES ('fixture', $1, 0, 'Hand-worked test fixture.') ON CONFLICT DO NOTHING`,
    [measure],
  );
  for (const [forceId, month] of forceMonths) {
    await sql.query(
      `INSERT INTO ${schema}.batch_coverage (batch_id, force_id, measure, period_start, period_end)
       VALUES (1, $1, $2, $3::date, ($3::date + interval '1 month - 1 day')::date)`,
      [forceId, measure, month],
    );
  }
}
