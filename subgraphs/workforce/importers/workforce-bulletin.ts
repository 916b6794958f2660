import { statSync } from "node:fs";
import { basename } from "node:path";
import { bodyOutsideTheForces } from "../../shared/reference/outside-bodies.ts";
import type { ReadOptions, ReadProgress, SourceRecord } from "../../shared/ingest/source-records.ts";
import { cellText, namedSheet, openWorkbook, sheetTitle, type Cell, type Workbook } from "../../shared/ingest/spreadsheet.ts";

/** The fields each figure of a bulletin table becomes: one record per force, date and table. */
export const BULLETIN_FIELDS = ["Table", "Worker type", "Measure", "As at", "Force name", "Region row", "Value"] as const;

/** Which worker type a table counts, by its title ("Table 1: Police officers by police force area, …"); tables of several types or none are not read. */
const TABLE_WORKER_TYPES: [title: RegExp, workerType: string][] = [
  [/^police officers\b/i, "OFFICER"],
  [/^police staff by\b/i, "STAFF"],
  [/^designated officers\b/i, "DESIGNATED"],
  [/^police community support officers\b/i, "PCSO"],
  [/^special constables\b/i, "SPECIAL"],
];

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "24 January 2019" (as the Index and some headers write dates) or a date cell's YYYY-MM-DD, as YYYY-MM-DD. */
export function dayOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const written = /^(\d{1,2}) ([a-z]+) (\d{4})$/i.exec(trimmed);
  const month = written ? MONTHS.indexOf(written[2].toLowerCase()) : -1;
  return month < 0 ? undefined : new Date(Date.UTC(Number(written![3]), month, Number(written![1]))).toISOString().slice(0, 10);
}

/** The table's subject after "Table N:", its worker type, and whether it gives FTE or headcount. */
function tableOf(rows: Cell[][]): { title: string; workerType: string; measure: "FTE" | "Headcount" } | undefined {
  const title = sheetTitle(rows);
  const subject = /^table \w+:\s*(.*)$/i.exec(title)?.[1] ?? "";
  if (!/by police force area/i.test(subject)) return undefined;
  const workerType = TABLE_WORKER_TYPES.find(([pattern]) => pattern.test(subject))?.[1];
  const top = rows.slice(0, 10).flat().map(cellText);
  const measure = top.some((text) => /^full-time equivalents?$/i.test(text.trim()))
    ? "FTE"
    : top.some((text) => /^headcount$/i.test(text.trim()))
      ? "Headcount"
      : undefined;
  return workerType && measure ? { title: title.split(":")[0], workerType, measure } : undefined;
}

/**
 * The records of one bulletin table: the header row is the first with dates ("As at" columns; the
 * change columns beside them are passed over), then a row per area. A region is a row whose name
 * carries a trailing space and is a region's name (the West Midlands region precedes the force of
 * that name); a row with no figure under any date is a note.
 */
function tableRecords(rows: Cell[][], table: { title: string; workerType: string; measure: string }): SourceRecord[] {
  const header = rows.findIndex((row) => row.some((cell) => dayOf(cellText(cell))));
  if (header < 0) return [];
  const dates = rows[header].flatMap((cell, position) => {
    const day = dayOf(cellText(cell));
    return day ? [{ position, day }] : [];
  });
  return rows.slice(header + 1).flatMap((row, index) => {
    const raw = cellText(row[0] ?? null);
    const name = raw.trim();
    if (!name || dates.every(({ position }) => !cellText(row[position] ?? null).trim())) return [];
    const regionRow = raw !== raw.trimEnd() && bodyOutsideTheForces(name) === "a regional total row" ? "yes" : "";
    const line = header + index + 2;
    return dates.map(({ position, day }) => ({
      line,
      fields: {
        Table: table.title,
        "Worker type": table.workerType,
        Measure: table.measure,
        "As at": day,
        "Force name": name,
        "Region row": regionRow,
        Value: cellText(row[position] ?? null),
      },
    }));
  });
}

/** The latest "Last updated" date of the workbook's Index sheet: the day the tables were published. */
export function bulletinPublishedOn(book: Workbook): Date | undefined {
  const index = book.sheetNames.find((sheet) => sheet.trim().toLowerCase() === "index");
  if (index === undefined) return undefined;
  const rows = book.rows(index).map((row) => row.map(cellText));
  const header = rows.findIndex((row) => row.some((text) => text.trim().toLowerCase() === "last updated"));
  if (header < 0) return undefined;
  const column = rows[header].findIndex((text) => text.trim().toLowerCase() === "last updated");
  const days = rows
    .slice(header + 1)
    .map((row) => dayOf(row[column] ?? ""))
    .filter((day): day is string => !!day)
    .sort();
  return days.length ? new Date(`${days.at(-1)}T00:00:00Z`) : undefined;
}

/**
 * Reads the Home Office "Police workforce, England and Wales" bulletin tables (.ods/.xlsx as
 * published): each table of one worker type by police force area (officers, staff, designated
 * officers, PCSOs in FTE; special constables in headcount), every "As at" date it gives; combined,
 * national and volunteer tables are passed over. `--sheet` reads one table alone.
 */
export async function* readWorkforceBulletin(
  file: string,
  progress: ReadProgress,
  options: ReadOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const name = basename(file);
  let book: Workbook;
  let sheets: string[];
  try {
    book = openWorkbook(file);
    sheets = options.sheet ? [namedSheet(book, options.sheet)] : book.sheetNames;
  } catch (error) {
    yield [{ line: 1, error: { file: name, line: 1, reason: `unreadable: ${(error as Error).message}` } }];
    return;
  }
  let read = 0;
  for (const sheet of sheets) {
    const rows = book.rows(sheet);
    const table = tableOf(rows);
    if (!table) continue;
    read++;
    yield tableRecords(rows, table);
  }
  progress.bytesRead = statSync(file).size;
  if (!read) {
    const reason = `no workforce table by police force area found (a sheet titled "Table N: Police officers by police force area, …" with "Full-time equivalents" or "Headcount"); sheets: ${book.sheetNames.map((sheet) => `"${sheet.trim()}"`).join(", ")}`;
    yield [{ line: 1, error: { file: name, line: 1, reason } }];
  }
}
