import { bulkInsert } from "../../shared/database/bulk-insert.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { unitScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";

export const VETTING_HEADER = [
  "force",
  "period_start",
  "period_end",
  "level",
  "applications",
  "refusals",
  "renewals_due",
  "renewals_overdue",
];
const LEVELS = ["RV", "MV", "NPPV1", "NPPV2", "NPPV3"];

type VettingRow = [
  forceId: string,
  start: Date,
  end: Date,
  level: string,
  applications: number,
  refusals: number,
  due: number,
  overdue: number,
];

/** The hub's vetting return (Vetting Code of Practice 2023): one row per force, period and vetting level. No national dataset exists to follow. */
export const vettingReturnsImporter: Importer<VettingRow> = {
  kind: "vetting",
  subgraph: "misconduct",
  description: "Vetting returns by force, period and level (hub format, README)",
  matches: (fileName) => /\.csv$/i.test(fileName),
  read: (file, progress, options) => readTable(file, VETTING_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const bounds = hubDateBounds();
    const forceId = reader.force("force", forces);
    const start = reader.day("period_start", bounds);
    const end = reader.day("period_end", bounds);
    const level = reader.text("level");
    if (level && !LEVELS.includes(level)) reader.fail("level", `one of: ${LEVELS.join(", ")}`, level);
    const [applications, refusals, due, overdue] = ["applications", "refusals", "renewals_due", "renewals_overdue"].map((column) =>
      reader.count(column),
    );
    if (start && end && end < start) reader.fail("period_end", "before period_start", end.toISOString().slice(0, 10));
    if (applications !== null && refusals !== null && refusals > applications)
      reader.fail("refusals", "more refusals than applications", refusals);
    if (due !== null && overdue !== null && overdue > due) reader.fail("renewals_overdue", "more overdue than due", overdue);
    return reader.result(() => [forceId!, start!, end!, level!, applications!, refusals!, due!, overdue!]);
  },
  scopeOf: (row) => unitScope(row[0], row[1], row[2]),
  table: { table: "misconduct.vetting_return", periodOfRow: "t.period_start", replace: { rule: "outranked", measures: ["VETTING"] } },
  open: (sql, batchId) =>
    chunkWriter((rows) =>
      bulkInsert(
        sql,
        "misconduct.vetting_return",
        {
          force_id: "text",
          period_start: "date",
          period_end: "date",
          level: "text",
          applications: "int",
          refusals: "int",
          renewals_due: "int",
          renewals_overdue: "int",
          batch_id: "int",
        },
        rows.map((row) => [...row, batchId]),
      ),
    ),
};
