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
import { cellText, sheetTitle, type Cell } from "../../shared/ingest/spreadsheet.ts";

/** The hub's own layout: one row per force and year. */
export const POPULATION_HEADER = ["Force", "Year", "Population"];

const NAME_COLUMNS = [
  "name",
  "area name",
  "police force area",
  "police force area name",
  "pfa name",
  "force",
  "force name",
  "geography name",
];
const CODE_COLUMNS = ["code", "area code", "police force area code", "pfa code", "geography code", "geocode"];
/** "Mid-2024", "Mid 2024", "Estimated Population mid-2022": a mid-year estimate's year. */
const MID_YEAR = /\bmid[-\s]?(\d{4})\b/i;

/** A column of population at a mid-year: "Mid-2024", or a header naming population ("Population figures (mid-2017)"), never households. */
function populationYear(header: string): string | undefined {
  const year = MID_YEAR.exec(header)?.[1];
  const bare = /^mid[-\s]?\d{4}$/i.test(header.trim());
  return year && (bare || /population/i.test(header)) && !/household/i.test(header) ? year : undefined;
}

type Layout =
  { format: "hub"; positions: number[] } | { format: "ons"; name: number; code: number; years: { position: number; year: string }[] };

/** The layout a row heads: the hub's columns, or an area column beside mid-year columns (or an "All ages" column under a title naming the year). */
function layoutOf(cells: string[], titleYear: string | undefined): Layout | undefined {
  const keys = cells.map(columnKey);
  const positions = POPULATION_HEADER.map((column) => keys.indexOf(columnKey(column)));
  if (positions.every((position) => position >= 0)) return { format: "hub", positions };
  const name = keys.findIndex((key) => NAME_COLUMNS.includes(key));
  const midYears = cells.flatMap((cell, position) => {
    const year = populationYear(cell);
    return year ? [{ position, year }] : [];
  });
  const allAges = keys.indexOf("all ages");
  const years = midYears.length ? midYears : allAges >= 0 && titleYear ? [{ position: allAges, year: titleYear }] : [];
  if (name < 0 || !years.length) return undefined;
  return { format: "ons", name, code: keys.findIndex((key) => CODE_COLUMNS.includes(key)), years };
}

/** One record per force and year in the hub's columns; none for a blank or note row under an ONS table. */
function recordsOf(layout: Layout, { line, cells }: CsvRecord): SourceRecord[] {
  if (layout.format === "hub")
    return [{ line, fields: Object.fromEntries(POPULATION_HEADER.map((column, index) => [column, cells[layout.positions[index]]])) }];
  if (layout.years.every(({ position }) => !cells[position]?.trim())) return [];
  const force = { Force: cells[layout.name], "Force code": layout.code >= 0 ? cells[layout.code] : undefined };
  return layout.years.map(({ position, year }) => ({ line, fields: { ...force, Year: year, Population: cells[position] } }));
}

/** Whether a sheet holds population estimates by area: a mid-year in its title or a header. */
const isPopulationSheet = (rows: Cell[][]) =>
  MID_YEAR.test(sheetTitle(rows)) ||
  rows.slice(0, 30).some((row) => row.some((cell) => MID_YEAR.test(cellText(cell)) || /^population$/i.test(cellText(cell).trim())));

/**
 * Reads ONS mid-year population estimates by police force area in any layout: the hub's
 * (`Force,Year,Population`), an ONS table with a column per mid-year ("Mid-2023", "Mid-2024"), or one
 * year's table with an "All ages" column and the year in its title — as CSV or the published
 * .xlsx/.ods. Title and note rows are passed over, as are rows with no figure.
 */
export async function* readPopulationTable(
  file: string,
  progress: ReadProgress,
  options: ReadOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const name = basename(file);
  let layout: Layout | undefined;
  let titleYear: string | undefined;
  try {
    for await (const records of fileRecords(
      file,
      progress,
      options,
      (_records, rows) => (isPopulationSheet(rows) ? 0 : undefined),
      "mid-year population estimates by police force area",
    )) {
      const batch: SourceRecord[] = [];
      for (const record of records) {
        if (layout) batch.push(...recordsOf(layout, record));
        else {
          layout = layoutOf(record.cells, titleYear);
          titleYear ??= MID_YEAR.exec(record.cells.join(" "))?.[1];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (error) {
    yield [unreadable(name, error)];
  }
  if (!layout) {
    const reason = `no header found: expected "${POPULATION_HEADER.join(",")}", or an ONS table with an area name column and mid-year columns such as "Mid-2024"`;
    yield [{ line: 1, error: { file: name, line: 1, reason } }];
  }
}
