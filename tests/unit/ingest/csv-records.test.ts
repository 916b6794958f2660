import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvRecordReader, type CsvRecord } from "../../../subgraphs/shared/ingest/csv-records.ts";
import { csvRecords } from "../../../subgraphs/shared/ingest/source-records.ts";
import { textEncodingOf } from "../../../subgraphs/shared/ingest/text-encoding.ts";

/** Every record of the text fed to one reader in the given pieces. */
function readInPieces(pieces: string[]): CsvRecord[] {
  const reader = new CsvRecordReader();
  return [...pieces.flatMap((piece) => reader.push(piece)), ...reader.end()];
}

/** The text cut at every position into two chunks, and into one-character chunks. */
const everySplit = (text: string) => [
  ...Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]),
  [...text],
];

const TEXT_RECORDS = [
  { line: 1, cells: ["Force", "Note", "Count"] },
  { line: 2, cells: ["Kent", 'said "no", then left', "3"] },
  { line: 3, cells: ["London, City of", "two\nlines", "4"] },
  { line: 5, cells: ["Surrey", "", "5"] },
];
const lines = ["Force,Note,Count", 'Kent,"said ""no"", then left",3', '"London, City of","two\nlines",4', "Surrey,,5"];

describe("CsvRecordReader", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("reads %s files the same at every chunk boundary", (_name, end) => {
    const text = lines.join(end) + end;
    for (const pieces of everySplit(text)) expect(readInPieces(pieces), JSON.stringify(pieces)).toEqual(TEXT_RECORDS);
  });

  it("reads CR-only line ends (old Excel for Mac) at every chunk boundary, also without a last line end", () => {
    const text = lines.join("\r").replace("two\nlines", "two\rlines");
    const expected = TEXT_RECORDS.map((record) =>
      record.line === 3 ? { line: 3, cells: ["London, City of", "two\nlines", "4"] } : record,
    );
    for (const pieces of everySplit(text)) expect(readInPieces(pieces), JSON.stringify(pieces)).toEqual(expected);
  });

  it("drops a UTF-8 byte order mark from the first cell", () => {
    expect(readInPieces(["\uFEFFForce,Count\nKent,3\n"])).toEqual([
      { line: 1, cells: ["Force", "Count"] },
      { line: 2, cells: ["Kent", "3"] },
    ]);
  });

  it("keeps quotes inside a cell that does not start with one as they are", () => {
    expect(readInPieces(['a,b"c"d,e\n'])).toEqual([{ line: 1, cells: ["a", 'b"c"d', "e"] }]);
  });

  it("throws naming the line when the file ends inside a quoted cell", () => {
    const reader = new CsvRecordReader();
    reader.push('Force,Count\nKent,"3\n');
    expect(() => reader.end()).toThrow("unclosed quote in the record starting on line 2");
  });
});

describe("csvRecords", () => {
  const folder = mkdtempSync(join(tmpdir(), "csv-records-"));
  const write = (name: string, bytes: Buffer) => {
    const file = join(folder, name);
    writeFileSync(file, bytes);
    return file;
  };
  const read = async (file: string) => {
    const records: CsvRecord[] = [];
    for await (const batch of csvRecords(file, { bytesRead: 0 })) for (const record of batch) records.push(record);
    return records;
  };

  it("reads Windows-1252 bytes (£, curly quotes) as their characters", async () => {
    const file = write(
      "cp1252.csv",
      Buffer.from([...Buffer.from("Force,Note\r\nKent,"), 0xa3, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x0d, 0x0a]),
    );
    expect(await textEncodingOf(file)).toBe("windows-1252");
    expect(await read(file)).toEqual([
      { line: 1, cells: ["Force", "Note"] },
      { line: 2, cells: ["Kent", "£5 \u201cok\u201d"] },
    ]);
  });

  it("reads UTF-8 whose characters straddle the 1 MB read chunks", async () => {
    const row = "Kent,£5 \u201cok\u201d é\n";
    const text = `\uFEFFForce,Note\n${row.repeat(Math.ceil((2.5 * (1 << 20)) / Buffer.byteLength(row)))}`;
    const file = write("utf8.csv", Buffer.from(text));
    expect(await textEncodingOf(file)).toBe("utf-8");
    const records = await read(file);
    expect(records[0]).toEqual({ line: 1, cells: ["Force", "Note"] });
    expect(records.slice(1).every((record) => record.cells[1] === "£5 \u201cok\u201d é")).toBe(true);
  });

  it("reads a CR-only file of several read chunks", async () => {
    const file = write("cr.csv", Buffer.from(`Force,Note\r${"Kent,x\r".repeat(200_000)}`));
    const records = await read(file);
    expect(records).toHaveLength(200_001);
    expect(records.at(-1)).toEqual({ line: 200_001, cells: ["Kent", "x"] });
  });
});
