import type { SubgraphName } from "../../../shared/config.ts";
import type { SqlClient } from "../database/open.ts";
import { postgresSchema } from "../database/migrations.ts";
import { beginDataChange } from "./data-change.ts";
import { batchToWithdraw, markWithdrawn, openWithdrawal, unsupersede } from "./batches.ts";
import { unitScope } from "./scope.ts";

/** A table a batch's rows live in, with the SQL for a row's unit start (the table aliased `t`), as its importers replace it. */
export interface RevisableTable {
  table: string;
  periodOfRow: string;
}

/** Each table the importers write once, with the unit start they replace its rows by; importers sharing a table must agree on it. */
export function revisableTables(importers: { kind: string; table: RevisableTable }[]): RevisableTable[] {
  const tables = new Map<string, RevisableTable>();
  for (const { kind, table } of importers) {
    const declared = tables.get(table.table);
    if (declared && declared.periodOfRow !== table.periodOfRow)
      throw new Error(`${kind} declares ${table.table} by ${table.periodOfRow}, another importer by ${declared.periodOfRow}`);
    tables.set(table.table, { table: table.table, periodOfRow: table.periodOfRow });
  }
  return [...tables.values()];
}

export interface WithdrawResult {
  subgraph: SubgraphName;
  batchId: number;
  kind: string;
  file: string;
  rowsWithdrawn: number;
  rowsRestored: number;
  /** Earlier batches whose rows or coverage the withdrawal brought back. */
  restoredBatchIds: number[];
  /** The force × period units the batch covered that no later load had superseded. */
  units: string[];
}

const tableExists = async (tx: SqlClient, table: string) =>
  (await tx.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [table]))[0].found;

type Unit = { force_id: string; period_start: Date; period_end: Date };

/** Moves the batch's rows out of a table, kept whole in replaced_row (as published before, they still count), or just deleted where the schema keeps no history. */
async function moveRowsOut(
  tx: SqlClient,
  schema: string,
  table: string,
  batchId: number,
  withdrawalId: number,
  keepsHistory: boolean,
): Promise<number> {
  if (!keepsHistory) return (await tx.query(`DELETE FROM ${table} WHERE batch_id = $1 RETURNING 1`, [batchId])).length;
  const [{ moved }] = await tx.query<{ moved: number }>(
    `WITH gone AS (DELETE FROM ${table} t WHERE t.batch_id = $1 RETURNING t.*),
     kept AS (INSERT INTO "${schema}".replaced_row (table_name, batch_id, replaced_by_batch_id, row) SELECT $2, $1, $3, to_jsonb(gone) FROM gone RETURNING 1)
     SELECT count(*)::int AS moved FROM kept`,
    [batchId, table.split(".")[1], withdrawalId],
  );
  return moved;
}

/** Puts back the rows the batch had replaced in the units it still held; returns their batches and how many rows. */
async function restoreReplacedRows(tx: SqlClient, schema: string, { table, periodOfRow }: RevisableTable, batchId: number, units: Unit[]) {
  const rows = await tx.query<{ batch_id: number }>(
    `WITH restorable AS (
       SELECT t.replaced_row_id FROM (
         SELECT (jsonb_populate_record(NULL::${table}, r.row)).*, r.id AS replaced_row_id FROM "${schema}".replaced_row r
         WHERE r.table_name = $1 AND r.replaced_by_batch_id = $2) t
       JOIN unnest($3::text[], $4::date[]) AS u(force_id, period_start) ON t.force_id = u.force_id AND ${periodOfRow} = u.period_start),
     back AS (DELETE FROM "${schema}".replaced_row r USING restorable x WHERE r.id = x.replaced_row_id RETURNING r.row),
     restored AS (INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, back.row)).* FROM back RETURNING batch_id)
     SELECT batch_id FROM restored`,
    [table.split(".")[1], batchId, units.map((unit) => unit.force_id), units.map((unit) => unit.period_start)],
  );
  return rows.map((row) => row.batch_id);
}

/**
 * Takes a batch back in one transaction: its rows leave the figures (kept for "as published on"
 * the days it stood), the rows it had replaced come back, and the batches it had superseded answer
 * again where no later load stands. A withdrawal record dates the moment.
 */
export async function withdrawBatch(
  sql: SqlClient,
  subgraph: SubgraphName,
  tables: RevisableTable[],
  batchId: number,
  afterWithdraw?: (tx: SqlClient, units: string[]) => Promise<void>,
): Promise<WithdrawResult> {
  const schema = postgresSchema(subgraph);
  return sql.transaction(async (tx) => {
    await beginDataChange(tx, schema);
    const batch = await batchToWithdraw(tx, schema, subgraph, batchId);
    const withdrawalId = await openWithdrawal(tx, schema, batch);
    const keeps = await tableExists(tx, `"${schema}".replaced_row`);
    // The forces subgraph's reference tables keep neither history nor coverage.
    const units = (await tableExists(tx, `"${schema}".batch_coverage`))
      ? await tx.query<Unit>(
          `SELECT DISTINCT force_id, period_start, period_end FROM "${schema}".batch_coverage WHERE batch_id = $1 AND superseded_by_batch_id IS NULL`,
          [batchId],
        )
      : [];
    let rowsWithdrawn = 0;
    const restored: number[] = [];
    for (const table of tables) {
      rowsWithdrawn += await moveRowsOut(tx, schema, table.table, batchId, withdrawalId, keeps);
      if (keeps) restored.push(...(await restoreReplacedRows(tx, schema, table, batchId, units)));
    }
    const revived = await unsupersede(tx, schema, batchId);
    await markWithdrawn(tx, schema, batchId, withdrawalId);
    const unitScopes = units.map((unit) => unitScope(unit.force_id, unit.period_start, unit.period_end));
    await afterWithdraw?.(tx, unitScopes);
    return {
      subgraph,
      batchId,
      kind: batch.kind,
      file: batch.file_name,
      rowsWithdrawn,
      rowsRestored: restored.length,
      restoredBatchIds: [...new Set([...restored, ...revived])].sort((a, b) => a - b),
      units: unitScopes,
    };
  });
}
