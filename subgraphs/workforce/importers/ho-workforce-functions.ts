import { FieldReader } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { dayScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";
import { isSpreadsheet } from "../../shared/ingest/spreadsheet.ts";
import { insertWorkforceRecords, readSnapshotFields, type WorkforceRecord } from "./workforce-fields.ts";
import { WORKFORCE_RECORD } from "./workforce-record-table.ts";

export const HO_WORKFORCE_FUNCTIONS_HEADER = [
  "As at 31 March",
  "Geocode",
  "Force name",
  "Region",
  "Worker type",
  "Wider function name",
  "Function name",
  "Frontline status",
  "Total (FTE)",
];

/** The Home Office's four frontline statuses, in its spelling, by their lower-case form. */
const FRONTLINE_STATUSES = new Map(
  ["Visible frontline", "Non-visible frontline", "Frontline support", "Business support"].map((status) => [status.toLowerCase(), status]),
);
/** Neighbourhood policing is a function within Local policing (officers and PCSOs in neighbourhood teams). */
const isNeighbourhoodFunction = (functionName: string) => /^neighbourhood (policing|teams?)\b/i.test(functionName);
const isTotal = (name: string) => /^(total|all functions)$/i.test(name);

/**
 * Home Office police workforce by function (FTE by force, worker type and function, at 31 March):
 * the source of neighbourhood FTE (the Neighbourhood Policing Guarantee) and frontline status.
 * It gives no headcount, so the rank table stays the preferred source of workforce totals.
 */
export const hoWorkforceFunctionsImporter: Importer<WorkforceRecord> = {
  kind: "ho-workforce-functions",
  subgraph: "workforce",
  description:
    "Home Office police workforce by function (FTE by worker type, function and frontline status): .xlsx/.ods as published, or CSV",
  matches: (fileName) => /\.csv$/i.test(fileName) || isSpreadsheet(fileName),
  read: (file, progress, options) => readTable(file, HO_WORKFORCE_FUNCTIONS_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const { asAt, forceId, workerType } = readSnapshotFields(reader, forces);
    const widerFunction = reader.text("Wider function name");
    const functionName = reader.text("Function name");
    const statusText = reader.text("Frontline status");
    const status = statusText
      ? (FRONTLINE_STATUSES.get(statusText.toLowerCase()) ??
        reader.fail("Frontline status", `unknown frontline status (known: ${[...FRONTLINE_STATUSES.values()].join(", ")})`, statusText))
      : null;
    const fte = reader.decimal("Total (FTE)");
    if (!reader.errors.length && (isTotal(widerFunction!) || isTotal(functionName!))) return { skip: "a total row across functions" };
    return reader.result((): WorkforceRecord => [
      forceId!,
      asAt!,
      workerType!,
      null,
      "Not stated",
      widerFunction!,
      status!,
      isNeighbourhoodFunction(functionName!),
      null,
      fte!,
    ]);
  },
  scopeOf: (row) => dayScope(row[0], row[1]),
  table: WORKFORCE_RECORD,
  open: (sql, batchId) => chunkWriter((rows) => insertWorkforceRecords(sql, batchId, rows)),
};
