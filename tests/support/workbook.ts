import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";

/** Writes a workbook of the given sheets (name → rows) to a new folder, as .xlsx or .ods by the file name's ending. */
export function writeWorkbook(fileName: string, sheets: Record<string, unknown[][]>): string {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
  const file = join(mkdtempSync(join(tmpdir(), "hub-workbook-")), fileName);
  writeFileSync(file, XLSX.write(book, { type: "buffer", bookType: fileName.endsWith(".ods") ? "ods" : "xlsx" }));
  return file;
}
