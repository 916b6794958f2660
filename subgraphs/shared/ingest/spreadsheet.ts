import { readFileSync, statSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { isoDay } from "../graphql/period.ts";
import type { CsvRecord } from "./csv-records.ts";

/** A cell as the spreadsheet holds it: text, an unrounded number, a date, or nothing. */
export type Cell = string | number | boolean | Date | null;

/** Excel and OpenDocument workbooks, as the Home Office and ONS publish their tables. */
export const isSpreadsheet = (file: string) => /\.(xlsx|xlsm|xls|ods)$/i.test(file);

export interface Workbook {
  sheetNames: string[];
  /** A sheet's rows from its first, blank rows kept, so a row's index + 1 is its row number in the sheet. */
  rows(sheet: string): Cell[][];
}

/** A workbook's sheets; the last one opened is kept, as an import reads it twice (its publication date, then its rows). */
export function openWorkbook(file: string): Workbook {
  const { mtimeMs, size } = statSync(file);
  if (lastOpened?.file === file && lastOpened.mtimeMs === mtimeMs && lastOpened.size === size) return lastOpened.book;
  const book = parseWorkbook(file);
  lastOpened = { file, mtimeMs, size, book };
  return book;
}

let lastOpened: { file: string; mtimeMs: number; size: number; book: Workbook } | undefined;

/**
 * Parses a workbook with SheetJS. Its ODS reader reports on console.error the cell display formats
 * it cannot render exactly ("ODS number format may be incorrect"); the hub reads values, never
 * display formats, so those lines are not shown to the operator.
 */
function parseWorkbook(file: string): Workbook {
  const bytes = readFileSync(file);
  const report = console.error;
  console.error = () => undefined;
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { cellDates: true, dense: true, cellHTML: false, cellFormula: false });
  } finally {
    console.error = report;
  }
  return {
    sheetNames: book.SheetNames,
    // Dates as written, whatever this machine's time zone (SheetJS otherwise shifts them to local midnight).
    rows: (sheet) =>
      XLSX.utils.sheet_to_json<Cell[]>(book.Sheets[sheet], { header: 1, raw: true, defval: null, blankrows: true, UTC: true }),
  };
}

/** A cell as CSV would have it: a date as YYYY-MM-DD, a number in full, nothing (or a date cell holding no real date) as "". */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : isoDay(cell);
  return String(cell);
}

/** A sheet's rows as the CSV reader's records (line = row number), blank rows left out. */
export const sheetRecords = (rows: Cell[][]): CsvRecord[] =>
  rows.flatMap((row, index) => (row.some((cell) => cellText(cell).trim()) ? [{ line: index + 1, cells: row.map(cellText) }] : []));

/** The first text of a sheet: its title, as published tables put it in the top left cell. */
export const sheetTitle = (rows: Cell[][]): string =>
  rows
    .flat()
    .map(cellText)
    .find((text) => text.trim()) ?? "";

/** The sheet named (sheet names are compared trimmed: ONS names carry trailing spaces), or an error naming the ones there are. */
export function namedSheet(book: Workbook, name: string): string {
  const found = book.sheetNames.find((sheet) => sheet.trim().toLowerCase() === name.trim().toLowerCase());
  if (found === undefined)
    throw new Error(`no sheet "${name}" in the workbook (sheets: ${book.sheetNames.map((sheet) => `"${sheet.trim()}"`).join(", ")})`);
  return found;
}
