import { FieldReader } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { dayScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";
import { isSpreadsheet } from "../../shared/ingest/spreadsheet.ts";
import { insertWorkforceRecords, readSnapshotFields, type WorkforceRecord } from "./workforce-fields.ts";
import { WORKFORCE_RECORD } from "./workforce-record-table.ts";

export const HO_WORKFORCE_HEADER = [
  "As at 31 March",
  "Geocode",
  "Force name",
  "Region",
  "Sex",
  "Rank",
  "Worker type",
  "Total (Headcount)",
  "Total (FTE)",
];

/**
 * Home Office police workforce open data (the Data sheet exported as CSV): FTE and headcount by
 * worker type, sex and rank. It has no functions, so it gives no neighbourhood or frontline figure
 * (rows load as function "Not stated"); the functions table is a separate kind.
 */
export const hoWorkforceImporter: Importer<WorkforceRecord> = {
  kind: "ho-workforce",
  subgraph: "workforce",
  description:
    "Home Office police workforce open data (by worker type, sex and rank): the Data sheet of the .xlsx/.ods as published, or CSV",
  matches: (fileName) => /\.csv$/i.test(fileName) || isSpreadsheet(fileName),
  read: (file, progress, options) => readTable(file, HO_WORKFORCE_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const { asAt, forceId, workerType } = readSnapshotFields(reader, forces);
    const sex = reader.text("Sex");
    const rank = reader.text("Rank", { optional: true });
    const headcount = reader.count("Total (Headcount)");
    const fte = reader.decimal("Total (FTE)");
    return reader.result((): WorkforceRecord => [
      forceId!,
      asAt!,
      workerType!,
      rank,
      sex!,
      "Not stated",
      "Not stated",
      false,
      headcount!,
      fte!,
    ]);
  },
  scopeOf: (row) => dayScope(row[0], row[1]),
  table: WORKFORCE_RECORD,
  open: (sql, batchId) => chunkWriter((rows) => insertWorkforceRecords(sql, batchId, rows)),
};
