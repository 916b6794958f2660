import { bulkInsert } from "../../shared/database/bulk-insert.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { monthScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";
import { CALLS_999_MONTHS } from "../plausibility.ts";

/** Monthly 999 answer figures by force, as BT publishes them on police.uk (one row per force and month). */
export const CALLS_999_HEADER = [
  "Month",
  "Force",
  "Calls received",
  "Answered in under 10 seconds",
  "Answered in 10 to 60 seconds",
  "Answered in 60 seconds or more",
  "Mean answer time (seconds)",
];

type CallsRow = [forceId: string, month: Date, received: number, within10: number, within60: number, over60: number, meanSeconds: number];

export const calls999Importer: Importer<CallsRow> = {
  kind: "calls-999",
  subgraph: "response-times",
  description: "Monthly 999 answer figures by force (BT, police.uk)",
  matches: (fileName) => /\.csv$/i.test(fileName),
  read: (file, progress, options) => readTable(file, CALLS_999_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const forceId = reader.force("Force", forces);
    const month = reader.month("Month", hubDateBounds());
    const [received, within10, within60, over60] = [
      "Calls received",
      "Answered in under 10 seconds",
      "Answered in 10 to 60 seconds",
      "Answered in 60 seconds or more",
    ].map((column) => reader.count(column));
    const mean = reader.decimal("Mean answer time (seconds)");
    if (received !== null && within10 !== null && within60 !== null && over60 !== null && within10 + within60 + over60 !== received) {
      reader.fail("Calls received", `answered bands add up to ${within10 + within60 + over60}, not the calls received`, received);
    }
    return reader.result(() => [forceId!, month!, received!, within10!, within60!, over60!, mean!]);
  },
  scopeOf: (row) => monthScope(row[0], row[1]),
  plausibility: CALLS_999_MONTHS,
  table: { table: "response_times.calls_999_month", periodOfRow: "t.month", replace: { rule: "outranked", measures: ["CALLS_999"] } },
  open: (sql, batchId) =>
    chunkWriter((rows) =>
      bulkInsert(
        sql,
        "response_times.calls_999_month",
        {
          force_id: "text",
          month: "date",
          calls_received: "int",
          answered_within_10s: "int",
          answered_10_to_60s: "int",
          answered_over_60s: "int",
          mean_answer_seconds: "float8",
          batch_id: "int",
        },
        rows.map((row) => [...row, batchId]),
      ),
    ),
};
