import { basename } from "node:path";
import type { CsvRecord } from "../../shared/ingest/csv-records.ts";
import { columnKey, csvRecords, unreadable, type ReadProgress, type SourceRecord } from "../../shared/ingest/source-records.ts";

/** The hub's own layout: one row per force and period. */
export const KNIFE_CRIME_HEADER = ["Force", "Period start", "Period end", "Offences"];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const AREA_NAME_COLUMNS = ["police force area", "police force area name", "area name", "force name", "force", "pfa name"];
const AREA_CODE_COLUMNS = ["police force area code", "area code", "geocode", "pfa code"];

const withoutNotes = (cell: string) => columnKey(cell.replace(/\[note \d+\]/gi, ""));
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase());
const yearMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);

/** "Apr 2024 to Mar 2025" or "Year ending Sep 2024" (12 months) as first and last month (YYYY-MM); undefined for any other column. */
export function periodOfColumn(cell: string): { start: string; end: string } | undefined {
  const key = withoutNotes(cell);
  const range = /^([a-z]{3,9}) (\d{4}) to ([a-z]{3,9}) (\d{4})$/.exec(key);
  if (range && monthNumber(range[1]) >= 0 && monthNumber(range[3]) >= 0) {
    return { start: yearMonth(Number(range[2]), monthNumber(range[1])), end: yearMonth(Number(range[4]), monthNumber(range[3])) };
  }
  const ending = /^year ending ([a-z]{3,9}) (\d{4})$/.exec(key);
  if (!ending || monthNumber(ending[1]) < 0) return undefined;
  return { start: yearMonth(Number(ending[2]), monthNumber(ending[1]) - 11), end: yearMonth(Number(ending[2]), monthNumber(ending[1])) };
}

type Layout =
  | { format: "hub"; positions: number[] }
  | { format: "ons"; name: number; code: number; periods: { position: number; start: string; end: string }[] };

/** Which layout a row heads, if it is a header: the hub's columns, or an area column beside period columns. */
function layoutOf(cells: string[]): Layout | undefined {
  const keys = cells.map(withoutNotes);
  const positions = KNIFE_CRIME_HEADER.map((column) => keys.indexOf(columnKey(column)));
  if (positions.every((position) => position >= 0)) return { format: "hub", positions };
  const name = keys.findIndex((key) => AREA_NAME_COLUMNS.includes(key));
  const periods = cells.flatMap((cell, position) => {
    const period = periodOfColumn(cell);
    return period ? [{ position, ...period }] : [];
  });
  if (name < 0 || !periods.length) return undefined;
  return { format: "ons", name, code: keys.findIndex((key) => AREA_CODE_COLUMNS.includes(key)), periods };
}

/** One record per force and period, in the hub's columns, whatever the file's layout; none for a note row under an ONS table. */
function recordsOf(layout: Layout, { line, cells }: CsvRecord): SourceRecord[] {
  if (layout.format === "hub") return [{ line, fields: Object.fromEntries(KNIFE_CRIME_HEADER.map((column, index) => [column, cells[layout.positions[index]]])) }];
  const blank = (position: number) => !cells[position]?.trim();
  if (blank(layout.name) && layout.periods.every(({ position }) => blank(position))) return [];
  const force = { Force: cells[layout.name], "Force code": layout.code >= 0 ? cells[layout.code] : undefined };
  return layout.periods.map(({ position, start, end }) => ({ line, fields: { ...force, "Period start": start, "Period end": end, Offences: cells[position] } }));
}

/**
 * Reads knife or sharp instrument offences in either layout: the hub's (`Force,Period start,Period
 * end,Offences`) or the ONS police force area table saved as CSV, where title and note rows come
 * before the header and each 12-month period is a column. Rows after the header that are blank
 * (notes under the table) are passed over; a row with fewer cells than the header is an error.
 */
export async function* readKnifeCrimeTable(file: string, progress: ReadProgress): AsyncGenerator<SourceRecord[]> {
  const name = basename(file);
  let layout: Layout | undefined;
  let width = 0;
  try {
    for await (const records of csvRecords(file, progress)) {
      const batch: SourceRecord[] = [];
      for (const record of records) {
        if (record.cells.every((cell) => !cell.trim())) continue;
        if (!layout) {
          layout = layoutOf(record.cells);
          width = record.cells.length;
        } else if (record.cells.length < width && record.cells.slice(0, width).some((cell) => cell.trim())) {
          batch.push({ line: record.line, error: { file: name, line: record.line, value: record.cells.join(","), reason: `row has ${record.cells.length} of ${width} columns (truncated or malformed)` } });
        } else batch.push(...recordsOf(layout, record));
      }
      if (batch.length) yield batch;
    }
  } catch (error) {
    yield [unreadable(name, error)];
  }
  if (!layout) {
    const reason = `no header found: expected "${KNIFE_CRIME_HEADER.join(",")}" or an ONS table with a police force area column and 12-month period columns such as "Apr 2024 to Mar 2025"`;
    yield [{ line: 1, error: { file: name, line: 1, reason } }];
  }
}
