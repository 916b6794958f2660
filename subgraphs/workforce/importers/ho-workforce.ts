import { bulkInsert } from "../../shared/database/bulk-insert.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { replaceForcePeriodScopes } from "../../shared/ingest/replace-scopes.ts";
import { dayScope } from "../../shared/ingest/scope.ts";
import { WORKFORCE_REPLACE } from "./workforce-replace.ts";
import { readCsv } from "../../shared/ingest/source-records.ts";

export const HO_WORKFORCE_HEADER = ["As at 31 March", "Geocode", "Force name", "Region", "Sex", "Rank", "Worker type", "Total (Headcount)", "Total (FTE)"];

/** Worker types as the Home Office names them, to the hub's. */
const WORKER_TYPES: Record<string, string> = {
  "police officer": "OFFICER",
  "police officers": "OFFICER",
  "police staff": "STAFF",
  pcso: "PCSO",
  pcsos: "PCSO",
  "police community support officer": "PCSO",
  "police community support officers": "PCSO",
  "designated officer": "DESIGNATED",
  "designated officers": "DESIGNATED",
  "special constable": "SPECIAL",
  "special constables": "SPECIAL",
};

type WorkforceRow = [forceId: string, asAt: Date, workerType: string, rank: string | null, sex: string, headcount: number, fte: number];

/**
 * Home Office police workforce open data (the Data sheet exported as CSV). The table has no
 * function or neighbourhood breakdown, so rows load as function "Not stated"; the functions table is a separate file.
 */
export const hoWorkforceImporter: Importer<WorkforceRow> = {
  kind: "ho-workforce",
  subgraph: "workforce",
  description: "Home Office police workforce open data CSV",
  matches: (fileName) => /\.csv$/i.test(fileName),
  read: (file, progress) => readCsv(file, HO_WORKFORCE_HEADER, progress),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const asAtText = reader.text("As at 31 March");
    const asAt = asAtText && /^\d{4}$/.test(asAtText) ? new Date(Date.UTC(Number(asAtText), 2, 31)) : reader.day("As at 31 March", hubDateBounds());
    const code = reader.text("Geocode", { optional: true });
    const name = reader.text("Force name");
    const forceId = reader.force("Force name", forces, code, name);
    const workerTypeText = reader.text("Worker type");
    const workerType = workerTypeText ? (WORKER_TYPES[workerTypeText.toLowerCase()] ?? reader.fail("Worker type", `unknown worker type (known: ${Object.keys(WORKER_TYPES).join(", ")})`, workerTypeText)) : null;
    const sex = reader.text("Sex");
    const rank = reader.text("Rank", { optional: true });
    const headcount = reader.count("Total (Headcount)");
    const fte = reader.decimal("Total (FTE)");
    return reader.result(() => [forceId!, asAt!, workerType!, rank, sex!, headcount!, fte!]);
  },
  scopeOf: (row) => dayScope(row[0], row[1]),
  replaceRule: WORKFORCE_REPLACE,
  replaceScopes: (sql, scopes, batchId, kind) =>
    replaceForcePeriodScopes(sql, { table: "workforce.workforce_record", periodOfRow: "t.as_at", replace: WORKFORCE_REPLACE }, scopes, batchId, kind),
  open: (sql, batchId) =>
    chunkWriter((rows) =>
      bulkInsert(
        sql,
      "workforce.workforce_record",
      { force_id: "text", as_at: "date", worker_type: "text", rank: "text", sex: "text", function_name: "text", frontline_status: "text", neighbourhood: "bool", headcount: "int", fte: "numeric", batch_id: "int" },
        rows.map(([forceId, asAt, workerType, rank, sex, headcount, fte]) => [forceId, asAt, workerType, rank, sex, "Not stated", "Not stated", false, headcount, fte, batchId]),
      ),
    ),
};
