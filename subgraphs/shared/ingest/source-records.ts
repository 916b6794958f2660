import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
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

/**
 * Streams a CSV file as records keyed by its header, which must be exactly the one expected.
 * Handles a UTF-8 byte order mark, CRLF and quoted commas; a short row (such as a truncated
 * last line) or an unclosed quote becomes a row error, not a crash.
 */
export async function* readCsv(file: string, expectedHeader: readonly string[], progress: ReadProgress = { bytesRead: 0 }): AsyncGenerator<SourceRecord> {
  const name = basename(file);
  const parser = countBytes(createReadStream(file), progress).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((cell) => cell.trim());
        if (header.join(",") !== expectedHeader.join(",")) {
          const column = expectedHeader.find((expected, index) => header![index] !== expected) ?? "(extra column)";
          yield { line: info.lines, error: { file: name, line: info.lines, column, value: header.join(","), reason: `wrong header: expected "${expectedHeader.join(",")}"` } };
          return;
        }
        continue;
      }
      if (record.length !== header.length) {
        yield { line: info.lines, error: { file: name, line: info.lines, value: record.join(","), reason: `row has ${record.length} of ${header.length} columns (truncated or malformed)` } };
        continue;
      }
      yield { line: info.lines, fields: Object.fromEntries(header.map((column, index) => [column, record[index]])) };
    }
  } catch (error) {
    const { lines } = error as { lines?: number };
    yield { line: lines ?? 0, error: { file: name, line: lines ?? 0, reason: `unreadable CSV: ${(error as Error).message}` } };
  }
  if (!header) yield { line: 1, error: { file: name, line: 1, reason: "empty file: no header" } };
}

/** Streams a JSON Lines file: one JSON object per line; a line that is not one is a row error. */
export async function* readJsonLines(file: string, progress: ReadProgress = { bytesRead: 0 }): AsyncGenerator<SourceRecord> {
  const name = basename(file);
  let line = 0;
  for await (const text of createInterface({ input: countBytes(createReadStream(file, { encoding: "utf8" }), progress) as never, crlfDelay: Infinity })) {
    line++;
    const content = line === 1 ? text.replace(/^\uFEFF/, "") : text;
    if (!content.trim()) continue;
    try {
      const fields = JSON.parse(content);
      if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new Error("not a JSON object");
      yield { line, fields };
    } catch (error) {
      yield { line, error: { file: name, line, value: content.slice(0, 80), reason: `not a JSON object: ${(error as Error).message}` } };
    }
  }
}
