import type { SqlClient } from "../database/open.ts";
import { parseScope } from "./scope.ts";

/**
 * Which earlier batches a load replaces in its scopes. `same-kind`: only loads of its own kind,
 * where sources of different kinds sit side by side and reads pick one by precedence (recorded
 * crime). `outranked`: also loads of kinds that give no measure of this table the new kind does
 * not give at equal or higher precedence, and the synthetic sample whatever it gives: within a force
 * and unit, a real load never leaves synthetic rows of its table beside it.
 */
export type ReplaceRule = { rule: "same-kind" } | { rule: "outranked"; measures: string[] };

/** SQL for the ids of batches a load of `kind` replaces ($kind and $measures are the parameters given). */
export function replaceableBatchesSql(schema: string, replace: ReplaceRule, kind: string, measures: string): string {
  if (replace.rule === "same-kind")
    return `SELECT id FROM "${schema}".import_batch WHERE kind = ${kind} AND ${measures}::text[] IS NOT NULL`;
  return `SELECT b.id FROM "${schema}".import_batch b WHERE b.kind = ${kind} OR b.synthetic OR NOT EXISTS (
            SELECT 1 FROM "${schema}".source_measure old
            WHERE old.kind = b.kind AND old.measure = ANY(${measures}::text[]) AND NOT EXISTS (
              SELECT 1 FROM "${schema}".source_measure new WHERE new.kind = ${kind} AND new.measure = old.measure AND new.precedence >= old.precedence))`;
}

export interface ReplacedTable {
  /** "schema.table" */
  table: string;
  /** SQL for a row's unit start, the table aliased `t` (e.g. `t.month`, or `date_trunc('month', t.opened_on)::date`). */
  periodOfRow: string;
  replace: ReplaceRule;
  /** Narrows the rows a kind owns in a table it shares. */
  onlyRows?: string;
}

/**
 * Moves the rows of replaced batches in the given scopes out of the table into the schema's
 * replaced_row, whole, so figures can still be read as published before this revision; returns
 * the ids of the batches that lost rows.
 */
export async function replaceForcePeriodScopes(
  sql: SqlClient,
  target: ReplacedTable,
  scopes: string[],
  batchId: number,
  kind: string,
): Promise<number[]> {
  const [schema, tableName] = target.table.split(".");
  const parsed = scopes.map(parseScope);
  const measures = target.replace.rule === "outranked" ? target.replace.measures : [];
  const rows = await sql.query<{ batch_id: number }>(
    `WITH gone AS (
       DELETE FROM ${target.table} t USING unnest($1::text[], $2::date[]) AS s(force_id, period)
       WHERE t.force_id = s.force_id AND ${target.periodOfRow} = s.period AND t.batch_id <> $3 AND (${target.onlyRows ?? "true"})
         AND t.batch_id IN (${replaceableBatchesSql(schema, target.replace, "$5", "$6")})
       RETURNING t.*),
     kept AS (
       INSERT INTO ${schema}.replaced_row (table_name, batch_id, replaced_by_batch_id, row)
       SELECT $4, gone.batch_id, $3, to_jsonb(gone) FROM gone
       RETURNING batch_id)
     SELECT DISTINCT batch_id FROM kept`,
    [parsed.map((scope) => scope.forceId), parsed.map((scope) => scope.start), batchId, tableName, kind, measures],
  );
  return rows.map((row) => row.batch_id);
}
