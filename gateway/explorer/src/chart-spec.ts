import type { AnswerTable, Cell } from "../../answer-table/answer-table.ts";

/** What to draw for a table: a line over months, a bar per row with reference values drawn as lines, or (one row) the force against its references as labelled bars. */
export interface ChartSpec {
  kind: "line" | "bar" | "comparison";
  /** Measure, unit and (where one) the force: what the chart shows, in words. */
  title: string;
  /** The unit of the values, from the answer's `measure.unit` where it has one. */
  unit?: string;
  /** Comparison charts: the force's value and each reference value, in order, as labelled bars. */
  bars?: { label: string; value: number }[];
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
const REFERENCES: Record<string, string> = {
  region: "Region",
  mostSimilarGroup: "Most similar group",
  group: "Group",
  national: "National",
};
/** References from nearest to widest: region, most similar group, a named group, then England and Wales. */
const REFERENCE_ORDER = Object.values(REFERENCES);
/** Numbers that are not measures of the rows: positions and counts of forces. */
const NOT_MEASURES = /(^|\.)(rank|forcesRanked|forcesInNational)$/;

const lastSegment = (column: string) => column.split(".").at(-1)!;
const valuesOf = (table: AnswerTable, column: number) =>
  table.rows.map((row) => row[column]).filter((cell): cell is Exclude<Cell, null> => cell !== null);
const referenceLabel = (column: string) => REFERENCES[lastSegment(column)];

export function measureColumns(table: AnswerTable): number[] {
  return table.columns.flatMap((column, index) => {
    const values = valuesOf(table, index);
    return values.length && values.every((value) => typeof value === "number") && !referenceLabel(column) && !NOT_MEASURES.test(column)
      ? [index]
      : [];
  });
}

function labelColumn(table: AnswerTable, exclude: number): number | undefined {
  const text = table.columns.flatMap((column, index) => {
    const values = valuesOf(table, index);
    return index !== exclude && values.length && values.every((value) => typeof value === "string")
      ? [{ column, index, distinct: new Set(values).size }]
      : [];
  });
  const varying = text.filter((candidate) => candidate.distinct > 1);
  return (varying.find((candidate) => lastSegment(candidate.column) === "name") ?? varying[0] ?? text[0])?.index;
}

/** The one value a column holds on every row that has one (e.g. the measure's name in a force's series). */
function constantText(table: AnswerTable, isColumn: (column: string) => boolean): string | undefined {
  const index = table.columns.findIndex(isColumn);
  if (index < 0) return undefined;
  const values = new Set(valuesOf(table, index).map(String));
  return values.size === 1 ? [...values][0] : undefined;
}

/** "P90 attendance (minutes), Kent Police": the measure (or the column charted), its unit, and the force when the table is of one. */
function titleOf(table: AnswerTable, y: number): { title: string; unit?: string } {
  const measure = constantText(table, (column) => /(^|\.)measure\.name$/.test(column)) ?? table.columns[y];
  const unit = constantText(table, (column) => /(^|\.)measure\.unit$/.test(column));
  const force = forceName(table);
  return { title: [`${measure}${unit ? ` (${unit})` : ""}`, force].filter(Boolean).join(", "), unit };
}

/** The force a table is of, when its rows carry one name (not the measure's). */
const forceName = (table: AnswerTable) =>
  constantText(table, (column) => /(^|\.)name$/.test(column) && !/(^|\.)measure\.name$/.test(column));

/** The chart for `table` with `measure` (a column name; the first measure if not given), or why there is none. */
export function chartSpec(table: AnswerTable, measure?: string): ChartSpec | { reason: string } {
  const measures = measureColumns(table);
  if (!measures.length) return { reason: "The table has no column of numbers to chart." };
  const y = measure !== undefined && measures.includes(table.columns.indexOf(measure)) ? table.columns.indexOf(measure) : measures[0];
  const month = table.columns.findIndex((_, index) => {
    const values = valuesOf(table, index);
    return values.length > 0 && values.every((value) => typeof value === "string" && MONTH.test(value));
  });
  const references = table.columns
    .flatMap((column, index) => {
      const label = referenceLabel(column);
      const values = valuesOf(table, index);
      if (!label || !values.length || !values.every((value) => typeof value === "number")) return [];
      return [{ column: index, label, constant: new Set(values).size === 1 ? values[0] : undefined }];
    })
    .sort((a, b) => REFERENCE_ORDER.indexOf(a.label) - REFERENCE_ORDER.indexOf(b.label));
  const rowsWithoutValue = table.rows.filter((row) => row[y] === null).length;
  const described = titleOf(table, y);
  if (month >= 0) {
    const series = labelColumn(table, month);
    return {
      kind: "line",
      ...described,
      x: month,
      y,
      series: series !== undefined && new Set(valuesOf(table, series)).size > 1 ? series : undefined,
      references,
      rowsWithoutValue,
    };
  }
  const label = labelColumn(table, -1);
  if (label === undefined && !(table.rows.length === 1 && references.length))
    return { reason: "The table has no column of names or months to chart against." };
  if (table.rows.length === 1 && references.length && table.rows[0][y] !== null) {
    const [row] = table.rows;
    const own = { label: forceName(table) ?? "Force", value: row[y] as number };
    const bars = [
      own,
      ...references.flatMap(({ column, label: name }) => (row[column] === null ? [] : [{ label: name, value: row[column] as number }])),
    ];
    return { kind: "comparison", ...described, x: label ?? y, y, bars, references, rowsWithoutValue };
  }
  return { kind: "bar", ...described, x: label!, y, references, rowsWithoutValue };
}
