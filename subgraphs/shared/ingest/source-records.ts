import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { CsvRecordReader, type CsvRecord } from "./csv-records.ts";
import { textEncodingOf } from "./text-encoding.ts";
import { isSpreadsheet, namedSheet, openWorkbook, sheetRecords, type Cell } from "./spreadsheet.ts";
import type { RowError } from "./row-error.ts";

/** One record of a file, with the line it ends on, or the error that stopped it being read. */
export type SourceRecord = { line: number; fields: Record<string, unknown> } | { line: number; error: RowError };

export interface ReadProgress {
  bytesRead: number;
}

function countBytes(stream: NodeJS.ReadableStream, progress: ReadProgress) {
  stream.on("data", (chunk: Buffer | string) => {
    progress.bytesRead += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
  });
  return stream;
}

/** A column name as matched: trimmed, spaces collapsed, lower case. */
export const columnKey = (column: string) => column.trim().replace(/\s+/g, " ").toLowerCase();

/** What `hub import` says of how to read a file: the sheet of a workbook (--sheet), else the one with the expected columns. */
export interface ReadOptions {
  sheet?: string;
}

/**
 * Streams a table in batches of records keyed by the expected column names: a CSV file, or a sheet
 * of an .xlsx/.ods workbook as published (title rows above the header passed over). Columns are
 * found by name, ignoring case, order and extra columns, as published tables shift; a missing column
 * rejects the file. Handles a byte order mark, CRLF or CR line ends, quoted commas and line breaks;
 * a short row (such as a truncated last line) or an unclosed quote becomes a row error, not a crash.
 */
export async function* readTable(
  file: string,
  expectedHeader: readonly string[],
  progress: ReadProgress = { bytesRead: 0 },
  options: ReadOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const headerAt = (records: CsvRecord[]) => {
    const header = records.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => headsTable(record.cells, expectedHeader));
    return header >= 0 ? header : undefined;
  };
  const what = `the columns "${expectedHeader.join(",")}" in its first ${HEADER_SEARCH_ROWS} rows`;
  yield* keyedRecords(basename(file), expectedHeader, fileRecords(file, progress, options, headerAt, what));
}

/** Where a workbook's sheet is read from: the index of its first record to read, or undefined when the sheet is not the one wanted. */
export type SheetStart = (records: CsvRecord[], rows: Cell[][]) => number | undefined;

/**
 * A file's rows as records: a CSV file's, or those of a workbook's sheet (the one named with --sheet,
 * else the first that `start` recognises), from the record `start` gives on. Throws, naming the
 * sheets there are, when no sheet is recognised; `what` says what was looked for.
 */
export async function* fileRecords(
  file: string,
  progress: ReadProgress,
  options: ReadOptions,
  start: SheetStart,
  what: string,
): AsyncGenerator<CsvRecord[]> {
  if (!isSpreadsheet(file)) {
    yield* csvRecords(file, progress);
    return;
  }
  const book = openWorkbook(file);
  const sheets = options.sheet ? [namedSheet(book, options.sheet)] : book.sheetNames;
  for (const sheet of sheets) {
    const rows = book.rows(sheet);
    const records = sheetRecords(rows);
    const first = start(records, rows) ?? (options.sheet ? 0 : undefined);
    if (first === undefined) continue;
    progress.bytesRead = statSync(file).size;
    yield records.slice(first);
    return;
  }
  throw new Error(
    `no sheet holds ${what} (sheets: ${book.sheetNames.map((name) => `"${name.trim()}"`).join(", ")}); name one with --sheet`,
  );
}

/** Whether a row holds every expected column's name. */
const headsTable = (cells: string[], expectedHeader: readonly string[]) => {
  const keys = new Set(cells.map(columnKey));
  return expectedHeader.every((column) => keys.has(columnKey(column)));
};

/** Rows published tables put above the header (title, notes) that the hub looks through for it. */
const HEADER_SEARCH_ROWS = 30;

/** Records keyed by the expected column names, the first record being the header. */
async function* keyedRecords(
  name: string,
  expectedHeader: readonly string[],
  batches: AsyncIterable<CsvRecord[]>,
): AsyncGenerator<SourceRecord[]> {
  let header: string[] | undefined;
  let positions: number[] = [];
  let wrongHeader = false;
  const readHeader = (line: number, cells: string[]): SourceRecord | undefined => {
    header = cells.map((cell) => cell.trim());
    const keys = header.map(columnKey);
    positions = expectedHeader.map((column) => keys.indexOf(columnKey(column)));
    const missing = expectedHeader.filter((_, index) => positions[index] < 0);
    wrongHeader = missing.length > 0;
    if (!wrongHeader) return undefined;
    const reason = `wrong header: no column ${missing.map((column) => `"${column}"`).join(", ")}; expected "${expectedHeader.join(",")}" (any order or case, other columns ignored)`;
    return { line, error: { file: name, line, column: missing[0], value: header.join(","), reason } };
  };
  const toSource = (records: CsvRecord[]): SourceRecord[] => {
    const batch: SourceRecord[] = [];
    for (const { line, cells } of records) {
      if (wrongHeader) break;
      if (!header) {
        const error = readHeader(line, cells);
        if (error) batch.push(error);
      } else if (cells.length !== header.length) {
        batch.push({
          line,
          error: {
            file: name,
            line,
            value: cells.join(","),
            reason: `row has ${cells.length} of ${header.length} columns (truncated or malformed)`,
          },
        });
      } else {
        const fields: Record<string, string> = {};
        for (let index = 0; index < expectedHeader.length; index++) fields[expectedHeader[index]] = cells[positions[index]];
        batch.push({ line, fields });
      }
    }
    return batch;
  };
  try {
    for await (const records of batches) {
      const batch = toSource(records);
      if (batch.length) yield batch;
      if (wrongHeader) return;
    }
  } catch (error) {
    yield [unreadable(name, error)];
    return;
  }
  if (!header) yield [{ line: 1, error: { file: name, line: 1, reason: "empty file: no header" } }];
}

/** A CSV file's records in batches as read, in its encoding; throws (with the line) when it ends inside a quoted cell. */
export async function* csvRecords(file: string, progress: ReadProgress): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvRecordReader();
  const decoder = new TextDecoder(await textEncodingOf(file));
  const stream = countBytes(createReadStream(file, { highWaterMark: 1 << 20 }), progress);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const records = reader.push(decoder.decode(chunk, { stream: true }));
    if (records.length) yield records;
  }
  const last = [...reader.push(decoder.decode()), ...reader.end()];
  if (last.length) yield last;
}

/** The error record for a file that could not be read to its end. */
export function unreadable(name: string, error: unknown): SourceRecord {
  const line = (error as { line?: number }).line ?? 1;
  return { line, error: { file: name, line, reason: `unreadable: ${(error as Error).message}` } };
}

/** Streams a JSON Lines file: one JSON object per line; a line that is not one is a row error. */
export async function* readJsonLines(file: string, progress: ReadProgress = { bytesRead: 0 }): AsyncGenerator<SourceRecord[]> {
  const name = basename(file);
  let line = 0;
  for await (const text of createInterface({
    input: countBytes(createReadStream(file, { encoding: "utf8" }), progress),
    crlfDelay: Infinity,
  })) {
    line++;
    const content = line === 1 ? text.replace(/^\uFEFF/, "") : text;
    if (!content.trim()) continue;
    try {
      const fields: unknown = JSON.parse(content);
      if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new Error("not a JSON object");
      yield [{ line, fields: fields as Record<string, unknown> }];
    } catch (error) {
      yield [{ line, error: { file: name, line, value: content.slice(0, 80), reason: `not a JSON object: ${(error as Error).message}` } }];
    }
  }
}
