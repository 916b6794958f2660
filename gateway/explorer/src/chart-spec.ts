import type { AnswerTable, Cell } from "../../answer-table/answer-table.ts";

/** What to draw for a table: a line over months, or a bar per row, with reference values drawn as lines. */
export interface ChartSpec {
  kind: "line" | "bar";
  /** Column indexes: the months or the labels along x, the measure up y, and (lines) one line per value of `series`. */
  x: number;
  y: number;
  series?: number;
  /** National and most-similar-group columns: one rule when the value is the same on every row, else a mark per row. */
  references: { column: number; label: string; constant?: number }[];
  /** Rows whose measure is null: drawn as nothing, and said so. */
  rowsWithoutValue: number;
}

const MONTH = /^\d{4}-\d{2}(-\d{2})?$/;
const REFERENCES: Record<string, string> = { national: "National", mostSimilarGroup: "Most similar group" };
/** Numbers that are not measures of the rows: positions and counts of forces. */
const NOT_MEASURES = /(^|\.)(rank|forcesRanked|forcesInNational)$/;

const lastSegment = (column: string) => column.split(".").at(-1)!;
const valuesOf = (table: AnswerTable, column: number) => table.rows.map((row) => row[column]).filter((cell): cell is Exclude<Cell, null> => cell !== null);
const referenceLabel = (column: string) => REFERENCES[lastSegment(column)];

export function measureColumns(table: AnswerTable): number[] {
  return table.columns.flatMap((column, index) => {
    const values = valuesOf(table, index);
    return values.length && values.every((value) => typeof value === "number") && !referenceLabel(column) && !NOT_MEASURES.test(column) ? [index] : [];
  });
}

function labelColumn(table: AnswerTable, exclude: number): number | undefined {
  const text = table.columns.flatMap((column, index) => {
    const values = valuesOf(table, index);
    return index !== exclude && values.length && values.every((value) => typeof value === "string") ? [{ column, index, distinct: new Set(values).size }] : [];
  });
  const varying = text.filter((candidate) => candidate.distinct > 1);
  return (varying.find((candidate) => lastSegment(candidate.column) === "name") ?? varying[0] ?? text[0])?.index;
}

/** The chart for `table` with `measure` (a column name; the first measure if not given), or why there is none. */
export function chartSpec(table: AnswerTable, measure?: string): ChartSpec | { reason: string } {
  const measures = measureColumns(table);
  if (!measures.length) return { reason: "The table has no column of numbers to chart." };
  const y = measure !== undefined && measures.includes(table.columns.indexOf(measure)) ? table.columns.indexOf(measure) : measures[0];
  const month = table.columns.findIndex((_, index) => {
    const values = valuesOf(table, index);
    return values.length > 0 && values.every((value) => typeof value === "string" && MONTH.test(value));
  });
  const references = table.columns.flatMap((column, index) => {
    const label = referenceLabel(column);
    const values = valuesOf(table, index);
    if (!label || !values.length || !values.every((value) => typeof value === "number")) return [];
    return [{ column: index, label, constant: new Set(values).size === 1 ? (values[0] as number) : undefined }];
  });
  const rowsWithoutValue = table.rows.filter((row) => row[y] === null).length;
  if (month >= 0) {
    const series = labelColumn(table, month);
    return { kind: "line", x: month, y, series: series !== undefined && new Set(valuesOf(table, series)).size > 1 ? series : undefined, references, rowsWithoutValue };
  }
  const label = labelColumn(table, -1);
  if (label === undefined) return { reason: "The table has no column of names or months to chart against." };
  return { kind: "bar", x: label, y, references, rowsWithoutValue };
}
