import type { SqlClient } from "../database/open.ts";
import { unsupersede } from "./batches.ts";
import { replaceableBatchesSql, type ReplaceRule } from "./replace-scopes.ts";
import { parseScope } from "./scope.ts";

/**
 * Records what a batch covers (its units × the measures its kind gives, from source_measure) and
 * marks the same units of the batches it replaces as superseded by it, for the measures its kind
 * gives (and, for the synthetic sample, every measure of the table, whose rows it took); returns those batches' ids.
 */
export async function recordCoverage(
  sql: SqlClient,
  schema: string,
  batchId: number,
  kind: string,
  units: string[],
  replace: ReplaceRule,
): Promise<number[]> {
  const parsed = units.map(parseScope);
  const columns = [parsed.map((unit) => unit.forceId), parsed.map((unit) => unit.start), parsed.map((unit) => unit.end)];
  const measures = replace.rule === "outranked" ? replace.measures : [];
  const superseded = await sql.query<{ batch_id: number }>(
    `UPDATE "${schema}".batch_coverage c SET superseded_by_batch_id = $3
     FROM unnest($1::text[], $2::date[]) AS u(force_id, period_start)
     WHERE c.force_id = u.force_id AND c.period_start = u.period_start AND c.batch_id <> $3 AND c.superseded_by_batch_id IS NULL
       AND (c.measure IN (SELECT measure FROM "${schema}".source_measure WHERE kind = $4)
            OR (c.measure = ANY($5::text[]) AND c.batch_id IN (SELECT id FROM "${schema}".import_batch WHERE synthetic)))
       AND c.batch_id IN (${replaceableBatchesSql(schema, replace, "$4", "$5")})
     RETURNING c.batch_id`,
    [columns[0], columns[1], batchId, kind, measures],
  );
  await sql.query(
    `INSERT INTO "${schema}".batch_coverage (batch_id, force_id, measure, period_start, period_end)
     SELECT $4, u.force_id, sm.measure, u.period_start, u.period_end
     FROM unnest($1::text[], $2::date[], $3::date[]) AS u(force_id, period_start, period_end)
     JOIN "${schema}".source_measure sm ON sm.kind = $5
     ON CONFLICT DO NOTHING`,
    [...columns, batchId, kind],
  );
  return [...new Set(superseded.map((row) => row.batch_id))];
}

/** A later publication of the same kind whose units a load has just taken over, with those units. */
export interface LaterPublication {
  batchId: number;
  units: string[];
}

/**
 * Batches of the same kind published after this one whose units it has just superseded, earliest
 * published first: an older file loaded after its revision, which must keep those units.
 */
export async function laterPublicationsSuperseded(
  sql: SqlClient,
  schema: string,
  batchId: number,
  kind: string,
): Promise<LaterPublication[]> {
  return sql.query<LaterPublication>(
    `SELECT c.batch_id AS "batchId", array_agg(DISTINCT c.force_id || '|' || c.period_start::text || '|' || c.period_end::text) AS units
     FROM "${schema}".batch_coverage c JOIN "${schema}".import_batch b ON b.id = c.batch_id
     WHERE c.superseded_by_batch_id = $1 AND b.kind = $2 AND NOT b.synthetic AND b.withdrawn_at IS NULL
       AND b.published_at > (SELECT published_at FROM "${schema}".import_batch WHERE id = $1)
     GROUP BY c.batch_id, b.published_at ORDER BY b.published_at, c.batch_id`,
    [batchId, kind],
  );
}

/**
 * Gives a later publication back what a load of an older one took from it: its coverage stands
 * again, and its rows the load had replaced return to their tables from replaced_row.
 */
export async function reinstate(sql: SqlClient, schema: string, laterId: number, byBatchId: number): Promise<void> {
  await sql.query(
    `UPDATE "${schema}".batch_coverage SET superseded_by_batch_id = NULL WHERE batch_id = $1 AND superseded_by_batch_id = $2`,
    [laterId, byBatchId],
  );
  await unsupersede(sql, schema, byBatchId, laterId);
  const tables = await sql.query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM "${schema}".replaced_row WHERE batch_id = $1 AND replaced_by_batch_id = $2`,
    [laterId, byBatchId],
  );
  for (const { table_name: table } of tables) {
    await sql.query(
      `WITH back AS (DELETE FROM "${schema}".replaced_row WHERE table_name = $3 AND batch_id = $1 AND replaced_by_batch_id = $2 RETURNING row)
       INSERT INTO "${schema}"."${table}" SELECT (jsonb_populate_record(NULL::"${schema}"."${table}", back.row)).* FROM back`,
      [laterId, byBatchId, table],
    );
  }
}
