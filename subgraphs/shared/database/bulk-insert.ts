import type { SqlClient } from "./open.ts";

export type ColumnType = "text" | "int" | "bigint" | "float8" | "numeric" | "bool" | "date" | "timestamptz";

/**
 * Inserts many rows in one statement per chunk through unnest() of column arrays:
 * 10-100 times faster than row-by-row calls, on PGlite and PostgreSQL alike.
 */
export async function bulkInsert(
  sql: SqlClient,
  table: string,
  columns: Record<string, ColumnType>,
  rows: readonly unknown[][],
  chunkSize = 20_000,
): Promise<number> {
  const names = Object.keys(columns);
  const types = Object.values(columns);
  const columnList = names.map((name) => `"${name}"`).join(", ");
  const unnest = types.map((type, index) => `$${index + 1}::${type}[]`).join(", ");
  const statement = `INSERT INTO ${table} (${columnList}) SELECT * FROM unnest(${unnest})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await sql.query(statement, names.map((_, column) => chunk.map((row) => row[column])));
  }
  return rows.length;
}
