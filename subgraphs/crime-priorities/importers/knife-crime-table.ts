import { basename } from "node:path";
import type { CsvRecord } from "../../shared/ingest/csv-records.ts";
import {
  columnKey,
  fileRecords,
  unreadable,
  type ReadOptions,
  type ReadProgress,
  type SourceRecord,
} from "../../shared/ingest/source-records.ts";
import { sheetTitle } from "../../shared/ingest/spreadsheet.ts";

/** The hub's own layout: one row per force and period. */
export const KNIFE_CRIME_HEADER = ["Force", "Period start", "Period end", "Offences"];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const AREA_NAME_COLUMNS = ["police force area", "police force area name", "area name", "force name", "force", "pfa name"];
const AREA_CODE_COLUMNS = ["police force area code", "area code", "geocode", "pfa code"];
/** The count column of the ONS knife tables ("Number of offences involving a knife6": the digit is a footnote). */
const KNIFE_OFFENCES_COLUMN = /^number of offences involving a knife/;
/** The ONS police force area table of knife or sharp instrument offences (Table P4 in 2019), not its percentage-change companion. */
const isKnifeTableTitle = (title: string) =>
  /knife (and|or) sharp instrument offences/i.test(title) && !/percentage change|rate of/i.test(title);

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

type Period = { start: string; end: string };
type Layout =
  { format: "hub"; positions: number[] } | { format: "ons"; name: number; code: number; periods: ({ position: number } & Period)[] };

/** "…, year ending March 2019" in a table's title (footnote digits may follow the year: "March 20191,2,3"). */
export function periodOfTitle(title: string): Period | undefined {
  const ending = /year ending ([a-z]{3,9}) (\d{4})/i.exec(title);
  return ending && monthNumber(ending[1]) >= 0 ? periodOfColumn(`Year ending ${ending[1]} ${ending[2]}`) : undefined;
}

/** What the rows above a header tell: the period in the title, and the group heading over each column. */
interface Above {
  titlePeriod?: Period;
  groups: string[];
}

/** Columns of one period: each period column, or (tables of one year, such as ONS Table P4) the knife offences total under the title's period. */
function periodColumns(cells: string[], keys: string[], above: Above): ({ position: number } & Period)[] {
  const periods = cells.flatMap((cell, position) => {
    const period = periodOfColumn(cell);
    return period ? [{ position, ...period }] : [];
  });
  if (periods.length || !above.titlePeriod) return periods;
  const knife = keys.flatMap((key, position) => (KNIFE_OFFENCES_COLUMN.test(key) ? [position] : []));
  const total = knife.find((position) => /^total/i.test(above.groups[position]?.trim() ?? "")) ?? knife[0];
  return total === undefined ? [] : [{ position: total, ...above.titlePeriod }];
}

/** Which layout a row heads, if it is a header: the hub's columns, or an area column beside period (or knife offences) columns. */
function layoutOf(cells: string[], above: Above): Layout | undefined {
  const keys = cells.map(withoutNotes);
  const positions = KNIFE_CRIME_HEADER.map((column) => keys.indexOf(columnKey(column)));
  if (positions.every((position) => position >= 0)) return { format: "hub", positions };
  const name = keys.findIndex((key) => AREA_NAME_COLUMNS.includes(key));
  const periods = periodColumns(cells, keys, above);
  if (name < 0 || !periods.length) return undefined;
  return { format: "ons", name, code: keys.findIndex((key) => AREA_CODE_COLUMNS.includes(key)), periods };
}

/** ONS tables stick footnote markers to names: "Northumbria8", "Surrey10,11", "ENGLAND AND WALES7,8,9". */
const withoutFootnotes = (name: string) => name.replace(/(?<=[a-z)])\d+(,\d+)*$/i, "");

/** One record per force and period, in the hub's columns, whatever the file's layout; none for a note row under an ONS table. */
function recordsOf(layout: Layout, { line, cells }: CsvRecord): SourceRecord[] {
  if (layout.format === "hub")
    return [{ line, fields: Object.fromEntries(KNIFE_CRIME_HEADER.map((column, index) => [column, cells[layout.positions[index]]])) }];
  const blank = (position: number) => !cells[position]?.trim();
  if (blank(layout.name) && layout.periods.every(({ position }) => blank(position))) return [];
  const force = { Force: withoutFootnotes(cells[layout.name].trim()), "Force code": layout.code >= 0 ? cells[layout.code] : undefined };
  return layout.periods.map(({ position, start, end }) => ({
    line,
    fields: { ...force, "Period start": start, "Period end": end, Offences: cells[position] },
  }));
}

/**
 * Reads knife or sharp instrument offences in any layout: the hub's (`Force,Period start,Period
 * end,Offences`), an ONS police force area table with a column per 12-month period, or one of a
 * single year whose period is in its title (ONS Table P4, the total of the selected offences) — as
 * CSV or as the published .xlsx/.ods. Title and note rows before the header are passed over, and so
 * are rows after it that are blank or notes (no area, no figure); a row with fewer cells than the
 * header is an error.
 */
export async function* readKnifeCrimeTable(
  file: string,
  progress: ReadProgress,
  options: ReadOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const name = basename(file);
  let layout: Layout | undefined;
  let width = 0;
  const above: Above = { groups: [] };
  try {
    for await (const records of fileRecords(
      file,
      progress,
      options,
      (_records, rows) => (isKnifeTableTitle(sheetTitle(rows)) ? 0 : undefined),
      "a table titled as knife or sharp instrument offences by police force area",
    )) {
      const batch: SourceRecord[] = [];
      for (const record of records) {
        if (record.cells.every((cell) => !cell.trim())) continue;
        if (!layout) {
          layout = layoutOf(record.cells, above);
          width = record.cells.length;
          above.titlePeriod ??= periodOfTitle(record.cells.join(" "));
          above.groups = record.cells;
        } else if (record.cells.length < width && record.cells.slice(0, width).some((cell) => cell.trim())) {
          batch.push({
            line: record.line,
            error: {
              file: name,
              line: record.line,
              value: record.cells.join(","),
              reason: `row has ${record.cells.length} of ${width} columns (truncated or malformed)`,
            },
          });
        } else batch.push(...recordsOf(layout, record));
      }
      if (batch.length) yield batch;
    }
  } catch (error) {
    yield [unreadable(name, error)];
  }
  if (!layout) {
    const reason = `no header found: expected "${KNIFE_CRIME_HEADER.join(",")}", an ONS table with a police force area column and 12-month period columns such as "Apr 2024 to Mar 2025", or an ONS table of one year ("year ending March 2019" in its title) with "Number of offences involving a knife"`;
    yield [{ line: 1, error: { file: name, line: 1, reason } }];
  }
}
